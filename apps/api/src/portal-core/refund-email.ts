import { escapeHtml, type MailMessage } from '@cartly/mail';

const money = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);

/** The customer's confirmation of a portal refund: amount, fees kept, and when to expect it. */
export function orderRefundEmail(m: {
  to: string; shopName: string; orderNumber: number; currency: string;
  amountCents: number; restockingFeeCents: number; nonRefundableFeesCents: number;
}): MailMessage {
  const amount = money(m.amountCents, m.currency);
  const kept = m.restockingFeeCents + m.nonRefundableFeesCents;
  const paragraphs = [
    `We refunded ${amount} for order #${m.orderNumber} to your original payment method. It can take 5–10 business days to show up.`,
    ...(kept > 0 ? [`${m.shopName} kept ${money(kept, m.currency)} in fees (restocking and non-refundable fees).`] : []),
    `This refund is final. Thank you for shopping with ${m.shopName}.`,
  ];
  return {
    to: m.to,
    subject: `Your refund for order #${m.orderNumber}: ${amount}`,
    text: paragraphs.join('\n\n'),
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
  };
}
