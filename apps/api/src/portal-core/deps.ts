import type { Mailer } from '@cartly/mail';
import type { MikroORM } from '@cartly/db';
import { ledgerPaymentProvider, type PaymentProvider } from '@cartly/payments';
import type { Adapters } from '../adapters/adapters.js';

/** Portal refunds move money through the payment provider and tell the customer by mail. */
export interface PortalCoreDeps {
  payments: PaymentProvider;
  mailer: Mailer;
}

/**
 * The provider is the ledger (orders are paid in our own database), so it is
 * built from the ORM, as the worker builds its own; tests swap in another one.
 */
export function portalCoreDeps(adapters: Adapters, orm: MikroORM): PortalCoreDeps {
  return { payments: ledgerPaymentProvider({ orm }), mailer: adapters.mailer };
}
