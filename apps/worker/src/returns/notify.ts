import { log } from '@temporalio/activity';
import { poolReader, readRows } from '@cartly/db';
import type { ActivityDeps } from '../activities/deps.js';
import type { CustomerNotice, ReturnRef } from './rma-types.js';
import { customerNoticeEmail, merchantApprovalEmail } from './emails.js';
import { loadReturnView } from './return-view.js';

/*
 * Email is at-least-once: SMTP has no idempotency key, so an attempt that
 * dies between "sent" and "recorded" is sent again on retry. Each step sends
 * one message and records it on the request, and a step that finds its
 * message recorded sends nothing: the steps are local activities, and a
 * workflow task that does not complete (a worker died in it, or a signal
 * arrived as the workflow was completing) runs them all again.
 */

export type Delivery = { sent: true; to: string; earlier?: true } | { sent: false; reason: string };

/** The request's record of a mail it sent; only these two columns. */
type SentColumn = 'merchant_notified_at' | 'customer_notified_at';

export function notifyActivities(deps: ActivityDeps) {
  const db = poolReader(deps.orm);
  const recordSent = (ref: ReturnRef, column: SentColumn) =>
    readRows(db, `update "return_request" set "${column}" = now() where "id" = ? and "shop_id" = ?`, [ref.returnId, ref.shopId]);
  return {
    /** Tells the shop's notification address that an approved return is about to be refunded. */
    async NotifyMerchant(ref: ReturnRef): Promise<Delivery> {
      const view = await loadReturnView(db, ref);
      if (!view) return { sent: false, reason: 'return request not found' };
      if (!view.shop.email) {
        log.warn('shop has no notification email; merchant not notified', { returnId: ref.returnId });
        return { sent: false, reason: 'shop has no notification email' };
      }
      if (view.request.merchantNotifiedAt) return { sent: true, to: view.shop.email, earlier: true };
      await deps.mailer.send(merchantApprovalEmail(view, view.shop.email));
      await recordSent(ref, 'merchant_notified_at');
      return { sent: true, to: view.shop.email };
    },

    /** Tells the customer how their return ended (one notice per return: it ends once). */
    async NotifyCustomer(input: ReturnRef & { notice: CustomerNotice }): Promise<Delivery> {
      const view = await loadReturnView(db, input);
      if (!view) return { sent: false, reason: 'return request not found' };
      if (!view.customer.email) return { sent: false, reason: 'customer has no email address' };
      if (view.request.customerNotifiedAt) return { sent: true, to: view.customer.email, earlier: true };
      await deps.mailer.send(customerNoticeEmail(view, view.customer.email, input.notice));
      await recordSent(input, 'customer_notified_at');
      return { sent: true, to: view.customer.email };
    },
  };
}
