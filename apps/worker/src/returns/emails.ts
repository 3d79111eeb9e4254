import { formatMoney, paragraphsMessage, type MailMessage } from '@cartly/mail';
import type { CustomerNotice } from './rma-types.js';
import type { ReturnView } from './return-view.js';

const REJECT_REASON_TEXT: Record<string, string> = {
  final_sale: 'the items were sold as final sale',
  return_period_ended: 'the return period has ended',
  item_not_eligible: 'the items are not eligible for return',
  other: 'of the reason given below',
};

const itemsOf = (v: ReturnView) => v.lines.map((l) => `${l.quantity} × ${l.title} (${l.reason.replace(/_/g, ' ')})`);
const amountOf = (v: ReturnView) => formatMoney(v.request.amountCents, v.request.currency);

export function merchantApprovalEmail(v: ReturnView, to: string): MailMessage {
  const who = v.customer.name ?? v.customer.email ?? 'the customer';
  return paragraphsMessage({
    to,
    shopName: v.shop.name,
    subject: `Return approved for order #${v.orderNumber}: ${amountOf(v)} is being refunded`,
    paragraphs: [
      `The return of order #${v.orderNumber} from ${who} was approved and passed validation.`,
      `A refund of ${amountOf(v)} is being issued to the original payment. These items are coming back:`,
    ],
    items: itemsOf(v),
  });
}

function customerMessage(to: string, v: ReturnView, subject: string, paragraphs: string[], items: string[]): MailMessage {
  return paragraphsMessage({ to, shopName: v.shop.name, subject, paragraphs, items });
}

export function customerNoticeEmail(v: ReturnView, to: string, notice: CustomerNotice): MailMessage {
  const order = `order #${v.orderNumber}`;
  const note = v.request.decisionNote ? [`Note from ${v.shop.name}: ${v.request.decisionNote}`] : [];
  switch (notice) {
    case 'refunded':
      return customerMessage(to, v, `Your return for ${order} is approved: ${amountOf(v)} refunded`, [
        `Good news: ${v.shop.name} approved your return for ${order}.`,
        `We refunded ${amountOf(v)} to your original payment method. It can take a few days to show up.`,
        ...note,
      ], itemsOf(v));
    case 'rejected':
      return customerMessage(to, v, `Your return request for ${order} was declined`, [
        `${v.shop.name} declined your return request for ${order} because ${REJECT_REASON_TEXT[v.request.rejectReason ?? 'other']}.`,
        ...note,
      ], itemsOf(v));
    case 'expired':
      return customerMessage(to, v, `Your return request for ${order} has expired`, [
        `Your return request for ${order} received no decision in time and has expired. You can contact ${v.shop.name} or request the return again.`,
      ], itemsOf(v));
    case 'cancelled':
      return customerMessage(to, v, `Your return for ${order} could not be completed`, [
        `${v.shop.name} approved your return for ${order}, but it could no longer be processed, so no refund was made. Please contact the shop.`,
      ], itemsOf(v));
  }
}
