import { z } from 'zod';
import { text } from '../common/text.js';
import { ZCurrency, ZId, ZMoneyCents, ZTimestamp } from '../common/schemas.js';

/*
 * Returns (SPEC §9). The status names and reason lists here are the API's
 * vocabulary; the database stores the same values (a test keeps them equal).
 */

export const RETURN_STATUS_VALUES = ['requested', 'approved', 'rejected', 'expired', 'refunded', 'cancelled'] as const;
export const ZReturnStatus = z
  .enum(RETURN_STATUS_VALUES)
  .describe(
    '`requested`: waiting for the merchant; `approved`: accepted, refund in progress; `refunded`: money returned; ' +
      '`rejected`: declined by the merchant; `expired`: no decision in time; `cancelled`: approved but could no longer be honoured.',
  );
export type ReturnStatusValue = z.infer<typeof ZReturnStatus>;

export const RETURN_REASON_VALUES = [
  'damaged', 'defective', 'wrong_item', 'not_as_described', 'does_not_fit', 'changed_mind', 'other',
] as const;
export const ZReturnReason = z.enum(RETURN_REASON_VALUES).describe('Why the item goes back; `other` needs `reason_note`.');

export const REJECT_REASON_VALUES = ['final_sale', 'return_period_ended', 'item_not_eligible', 'other'] as const;
export const ZRejectReason = z.enum(REJECT_REASON_VALUES).describe('Why the merchant declines; `other` needs `note`.');

/** `note` fields: free text a person reads, bounded. */
export const ZNote = (what: string, max = 1000) => text({ min: 1, max, multiline: true }).describe(what);

export const ZReturnLine = z.object({
  id: ZId,
  order_line_id: ZId,
  title: z.string().describe('Title of the order line.'),
  sku: z.string().nullable(),
  quantity: z.number().int().describe('Units returned.'),
  unit_price_cents: ZMoneyCents,
  reason: ZReturnReason,
  reason_note: z.string().nullable().describe('The customer\'s own words about this line.'),
});

export const ZReturnEvent = z
  .object({
    status: ZReturnStatus.describe('The status the request entered.'),
    from_status: ZReturnStatus.nullable().describe('The status it left; null for the first event.'),
    actor: z.enum(['customer', 'merchant', 'system']).describe('Who caused the transition.'),
    note: z.string().nullable(),
    at: ZTimestamp,
  })
  .describe('One status transition.');

export const ZReturnRequest = z
  .object({
    id: ZId,
    order_id: ZId,
    order_number: z.number().int().describe('The order\'s shop-scoped number.'),
    customer_id: ZId,
    status: ZReturnStatus,
    currency: ZCurrency,
    refund_cents: ZMoneyCents.describe('What an approval refunds: quantity × unit price of every line.'),
    note: z.string().nullable().describe('The customer\'s note on the request.'),
    lines: z.array(ZReturnLine),
    decision: z
      .object({
        outcome: z.enum(['approved', 'rejected']),
        reason: ZRejectReason.nullable().describe('Set when rejected.'),
        note: z.string().nullable().describe('The merchant\'s note to the customer.'),
        decided_at: ZTimestamp,
      })
      .nullable()
      .describe('The merchant\'s decision, once made.'),
    expires_at: ZTimestamp.describe('An undecided request expires at this moment.'),
    refund: z
      .object({ id: ZId, amount_cents: ZMoneyCents, refunded_at: ZTimestamp })
      .nullable()
      .describe('The refund that settled this return, once made (never more than one).'),
    history: z.array(ZReturnEvent).describe('Every status transition, oldest first.'),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  })
  .describe('A return request (RMA) with its status and history.');
export type ReturnRequestDto = z.infer<typeof ZReturnRequest>;
