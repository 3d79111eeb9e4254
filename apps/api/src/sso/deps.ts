import type { Adapters } from '../adapters/adapters.js';
import type { Env } from '../env.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { IdpClient } from './idp-client.js';
import { openidIdpClient } from './openid-idp-client.js';

/** What enterprise SSO uses: the secret box for client secrets and login state, and the client of companies' IdPs. */
export interface SsoDeps {
  secretBox: SecretBox;
  /** Built here rather than in adapters/: it holds nothing to open or close (a per-issuer discovery cache). */
  idp: IdpClient;
}

export function ssoDeps(adapters: Adapters, env: Env): SsoDeps {
  return {
    secretBox: adapters.secretBox,
    idp: openidIdpClient({ allowLoopbackHttp: env.NODE_ENV !== 'production', timeoutMs: env.SSO_IDP_TIMEOUT_MS }),
  };
}
