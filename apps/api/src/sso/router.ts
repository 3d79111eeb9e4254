import { router } from '../trpc.js';
import { adminPutSso } from './admin-put-sso.js';
import { adminGetSso } from './admin-get-sso.js';
import { initSso } from './init-sso.js';
import { discoverSso } from './discover-sso.js';

export const ssoRouter = router({
  adminPut: adminPutSso,
  adminGet: adminGetSso,
  init: initSso,
  discover: discoverSso,
});
