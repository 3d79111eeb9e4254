import type { Adapters } from '../adapters/adapters.js';
import type { Env } from '../env.js';
import { secretBoxFromEnv, type SecretBox } from '../lib/secret-box.js';
import type { CustomerAccountClient } from './customer-account-client.js';
import { openidCustomerAccountClient } from './openid-customer-account-client.js';

/** What portal core uses: the secret box for tokens at rest and the client of shops' customer-account providers. */
export interface PortalCoreDeps {
  /** Seals secrets at rest (AES-256-GCM, DATA_ENCRYPTION_KEYS). */
  secretBox: SecretBox;
  /**
   * OAuth/OIDC + GraphQL client of shops' Customer Account API providers. Built here rather than in adapters/:
   * its port speaks this domain's flow only, and it holds nothing to open or close (a per-issuer discovery cache).
   */
  customerAccount: CustomerAccountClient;
}

export function portalCoreDeps(_adapters: Adapters, env: Env): PortalCoreDeps {
  return {
    secretBox: secretBoxFromEnv(env),
    customerAccount: openidCustomerAccountClient({ allowLoopbackHttp: env.NODE_ENV !== 'production' }),
  };
}
