import { router } from '../trpc.js';
import { createAppSession } from './create-app-session.js';
import { verifyAppSession } from './verify-app-session.js';
import { getJwks } from './get-jwks.js';

export const appSessionsRouter = router({
  create: createAppSession,
  verify: verifyAppSession,
  jwks: getJwks,
});
