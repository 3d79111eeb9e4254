import { readRows, ReturnRequest, ReturnRequestEvent, ReturnRequestLine, uuidv7, type EntityManager } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import type { Context } from '../context.js';
import { currentShopSettings } from '../shops/current-shop.js';
import type { TemporalGateway } from '../adapters/temporal.js';
import { checkReturnable, type RequestedLine } from './eligibility.js';
import { returnPolicy } from './policy.js';
import { startRmaWorkflow } from './workflow.js';
import { RETURN_RECORD_COLUMNS, returnRecord, type ReturnRecord, type ReturnRecordRow } from './views.js';

export interface NewReturn {
  orderId: string;
  lines: RequestedLine[];
  note: string | null;
}

/**
 * Creates a return request, commits, then starts its RMAWorkflow: no row lock
 * or pool connection is held while Temporal answers. The workflow id is the
 * return's, so the start is idempotent.
 * - Temporal refuses the start → the rows are deleted again, 500 "nothing was saved".
 * - Start times out or Temporal is unreachable after commit → 503 ("saved, may not have started"): the
 *   request is visible as `requested`; the merchant's decision starts the
 *   workflow with it (signalWithStart in decide-return), so nothing is lost.
 * - The workflow never finds a missing row now; if it did (a run started by
 *   hand), it ends as `abandoned` and moves no money.
 * Returns the new request, so the caller can answer without reading it again.
 */
export async function createReturnRequest(
  tx: Pick<Context, 'em' | 'afterCommit'>,
  temporal: TemporalGateway,
  who: { shopId: string; customerId: string },
  input: NewReturn,
): Promise<ReturnRecord> {
  const { em } = tx;
  const policy = returnPolicy(await currentShopSettings(em, who.shopId));
  const now = new Date();
  const { order, lines } = await checkReturnable(em, {
    shopId: who.shopId, customerId: who.customerId, orderId: input.orderId, lines: input.lines, windowDays: policy.windowDays, now,
  });

  // Plain statements, in the request's transaction: the request, its lines, its first history event.
  const id = uuidv7();
  const [row] = await readRows<ReturnRecordRow>(
    em,
    `insert into "return_request" ("id", "shop_id", "customer_id", "order_id", "status", "note", "currency", "amount_cents", "expires_at",
       "workflow_id", "created_at", "updated_at")
     values (?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?) returning ${RETURN_RECORD_COLUMNS}`,
    [
      id, who.shopId, who.customerId, order.id, input.note, order.currency, lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0),
      // One clock reading for both, so expires_at − created_at is exactly the shop's decision time.
      new Date(now.getTime() + policy.decisionSeconds * 1000), rmaWorkflowId(id), now, now,
    ],
  );
  await readRows(
    em,
    `insert into "return_request_line" ("id", "shop_id", "return_request_id", "order_line_id", "quantity", "reason", "reason_note")
     select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::text[])`,
    [
      lines.map(() => uuidv7()), lines.map(() => who.shopId), lines.map(() => id), lines.map((l) => l.orderLineId),
      lines.map((l) => l.quantity), lines.map((l) => l.reason), lines.map((l) => l.reasonNote),
    ],
  );
  await readRows(
    em,
    `insert into "return_request_event" ("id", "shop_id", "return_request_id", "from_status", "status", "actor", "note", "created_at")
     values (?, ?, ?, null, 'requested', 'customer', null, ?)`,
    [uuidv7(), who.shopId, id, now],
  );

  const start = { returnId: id, shopId: who.shopId, decisionTimeoutSeconds: policy.decisionSeconds };
  // Temporal refused the start: no workflow will ever see this request, so it is taken back whole.
  const undo = (fresh: EntityManager) => () =>
    fresh.transactional(async (t) => {
      await t.nativeDelete(ReturnRequestEvent, { returnRequest: id });
      await t.nativeDelete(ReturnRequestLine, { returnRequest: id });
      await t.nativeDelete(ReturnRequest, { id, status: 'requested' });
    });
  tx.afterCommit((fresh) => startRmaWorkflow(temporal, start, undo(fresh)));
  return returnRecord(row!);
}
