import type { Mailer } from '@cartly/mail';
import type { MikroORM } from '@cartly/db';
import { ledgerPaymentProvider, type PaymentProvider } from '@cartly/payments';
import type { Adapters } from '../adapters/adapters.js';
import type { Env } from '../env.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { CustomerAccountClient } from './customer-account-client.js';
import { openidCustomerAccountClient } from './openid-customer-account-client.js';

/**
 * What portal core uses: the secret box for tokens at rest, the client of shops' customer-account
 * providers, and for refunds the payment provider and the mailer.
 */
export interface PortalCoreDeps {
  /** Seals secrets at rest (AES-256-GCM, DATA_ENCRYPTION_KEYS). */
  secretBox: SecretBox;
  /**
   * OAuth/OIDC + GraphQL client of shops' Customer Account API providers. Built here rather than in adapters/:
   * its port speaks this domain's flow only, and it holds nothing to open or close (a per-issuer discovery cache).
   */
  customerAccount: CustomerAccountClient;
  /**
   * Gives money back. The ledger (orders are paid in our own database), so it is built from the ORM,
   * as the worker builds its own; tests swap in another one.
   */
  payments: PaymentProvider;
  /** Tells the customer about a refund. */
  mailer: Mailer;
}

export function portalCoreDeps(adapters: Adapters, env: Env, orm: MikroORM): PortalCoreDeps {
  return {
    secretBox: adapters.secretBox,
    customerAccount: openidCustomerAccountClient({ allowLoopbackHttp: env.NODE_ENV !== 'production' }),
    payments: ledgerPaymentProvider({ orm }),
    mailer: adapters.mailer,
  };
}
