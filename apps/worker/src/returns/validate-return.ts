import { holdsUnitsSql, moveReturnStatus, poolReader, readRows, type Reader, type ReturnRejectReason, type ReturnStatus } from '@cartly/db';
import { returnRefundKey } from '@cartly/payments';
import type { ActivityDeps } from '../activities/deps.js';
import type { ReturnRef, RmaReading } from './rma-types.js';
import { settlementOf } from './settle-decision.js';

/**
 * `reading` is set when no approval is recorded (the request is still
 * `requested`, or was rejected or expired, or is gone): since the
 * rma-three-steps patch an approve signal wakes the workflow straight into
 * this step, and the workflow acts on the reading as on ReadDecision's. Runs from before the patch call it only after an approval
 * was read, and cancel with the reason.
 */
export type Validation = { eligible: true } | { eligible: false; reason: string; reading?: RmaReading };

interface RequestRow {
  status: ReturnStatus;
  reject_reason: ReturnRejectReason | null;
  decision_note: string | null;
  customer_id: string;
  amount_cents: number;
  order_id: string | null;
  order_customer_id: string | null;
  paid_cents: number | null;
  refunded_cents: number | null;
  refunded: boolean;
  /** json, in line id order: each line with its order line and the units other active returns hold of that line. */
  lines: LineRow[];
}

interface LineRow {
  quantity: number;
  order_line_id: string | null;
  fulfilled_quantity: number | null;
  title: string | null;
  held_elsewhere: number;
}

/**
 * Whether an approval is recorded (see Validation), then re-checks, at
 * decision time, what the API checked at request time: the order
 * is still the customer's, every unit is still fulfilled and not claimed by
 * another return, and the payment still covers the refund. The return window
 * is not re-checked: the customer asked in time. Read-only, so retries are
 * free. One plain statement: the request with its order, whether its refund
 * exists, and its lines, each with what other active returns hold of it.
 */
async function validate(db: Reader, ref: ReturnRef): Promise<Validation> {
  const holds = holdsUnitsSql('o_r');
  const [request] = await readRows<RequestRow>(
    db,
    `select r.status, r.reject_reason, r.decision_note, r.customer_id, r.amount_cents, o.id as order_id, o.customer_id as order_customer_id, o.paid_cents, o.refunded_cents,
            exists (select 1 from "refund" f where f.shop_id = r.shop_id and f.idempotency_key = ?) as refunded,
            coalesce((select json_agg(json_build_object(
                        'quantity', l.quantity, 'order_line_id', ol.id, 'fulfilled_quantity', ol.fulfilled_quantity, 'title', ol.title,
                        'held_elsewhere', coalesce((
                          select sum(o_l.quantity)
                            from "return_request" o_r
                            join "return_request_line" o_l on o_l.shop_id = o_r.shop_id and o_l.return_request_id = o_r.id
                           where o_r.shop_id = r.shop_id and o_r.order_id = r.order_id and o_r.id <> r.id
                             and o_l.order_line_id = ol.id and ${holds.sql}), 0)) order by l.id)
                        from "return_request_line" l
                        left join "order_line" ol on ol.id = l.order_line_id and ol.shop_id = l.shop_id and ol.order_id = r.order_id
                       where l.shop_id = r.shop_id and l.return_request_id = r.id), '[]'::json) as lines
       from "return_request" r
       left join "order" o on o.id = r.order_id and o.shop_id = r.shop_id
      where r.id = ? and r.shop_id = ?`,
    [returnRefundKey(ref.returnId), ...holds.params, ref.returnId, ref.shopId],
  );
  if (!request) return { eligible: false, reason: 'the return request no longer exists', reading: { kind: 'missing' } };
  if (request.status === 'requested') return { eligible: false, reason: 'no decision is recorded', reading: { kind: 'undecided' } };
  if (request.status === 'rejected' || request.status === 'expired') {
    return { eligible: false, reason: `the return request is ${request.status}`, reading: settlementOf(request) };
  }
  // In a normal run ValidateReturn completes before ProcessRefund starts, so it never sees a refund. An operator's
  // `temporal workflow reset` to before this step (or a worker that died mid-refund, the refund being a local
  // step since rma-local-refund) re-runs it after the money moved: then the refund (status `refunded`, or still
  // `approved` with the refund row written) must pass, so ProcessRefund replays its key.
  if (request.status === 'refunded') return { eligible: true };
  if (request.status !== 'approved') return { eligible: false, reason: `the return request is ${request.status}` };
  if (!request.order_id || request.order_customer_id !== request.customer_id) {
    return { eligible: false, reason: 'the order no longer belongs to the customer' };
  }

  for (const line of request.lines) {
    if (!line.order_line_id) return { eligible: false, reason: 'an order line of the return no longer exists' };
    const returnable = line.fulfilled_quantity! - line.held_elsewhere;
    if (line.quantity > returnable) {
      return { eligible: false, reason: `only ${Math.max(0, returnable)} of "${line.title}" can still be returned` };
    }
  }
  const remaining = request.paid_cents! - request.refunded_cents!;
  if (!request.refunded && request.amount_cents > remaining) {
    return { eligible: false, reason: `only ${remaining} of the payment is left to refund, the return needs ${request.amount_cents}` };
  }
  return { eligible: true };
}

/** An approval that can no longer be honoured ends as `cancelled`, with the reason in its history. */
async function cancel(deps: ActivityDeps, input: ReturnRef & { reason: string }): Promise<void> {
  await moveReturnStatus(poolReader(deps.orm), {
    shopId: input.shopId, returnId: input.returnId, from: 'approved', to: 'cancelled', actor: 'system', note: input.reason,
  });
}

export function validateReturnActivities(deps: ActivityDeps) {
  const db = poolReader(deps.orm);
  return {
    ValidateReturn: (ref: ReturnRef) => validate(db, ref),
    CancelReturn: (input: ReturnRef & { reason: string }) => cancel(deps, input),
  };
}
