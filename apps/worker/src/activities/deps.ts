import type { MikroORM } from '@cartly/db';
import type { Mailer } from '@cartly/mail';
import type { PaymentProvider } from '@cartly/payments';

/** What activities need from the outside world; tests pass real ones pointed at loopback. */
export interface ActivityDeps {
  orm: MikroORM;
  mailer: Mailer;
  payments: PaymentProvider;
}
