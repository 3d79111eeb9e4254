import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { creditCompanyRefundOnPool, moveReturnStatus, poolReader, readRows, type Reader, type ReturnStatus } from '@cartly/db';
import { RefundRefusedError, returnRefundKey } from '@cartly/payments';
import type { ActivityDeps } from '../activities/deps.js';
import { REFUND_REFUSED, type ReturnRef } from './rma-types.js';
import { whileHeartbeating } from '../lib/heartbeat.js';
import { notifyActivities } from './notify.js';

/**
 * Refunds an approved return exactly once. The idempotency key is derived from
 * the return id and handed to the provider, and the refund table holds it
 * under a unique constraint; so a retried attempt, a duplicate approval or a
 * worker that died after the money moved all end with the one refund there is.
 * The status moves to `refunded` only after the provider answered. A $0 return
 * (free items) has no money to move: providers refuse 0 and the refund table
 * CHECKs amount > 0, so it is marked `refunded` without a provider call or row.
 * Asked to (`notifyCustomer`, since the rma-three-steps patch), it then tells
 * the customer, once: the notice needs no step of its own when it goes out.
 */
interface RequestRow {
  id: string;
  status: ReturnStatus;
  order_id: string;
  amount_cents: number;
  currency: string;
  /** The company location the order was charged to (null: no company placed it), for the budget credit. */
  company_location_id: string | null;
}

const readRequest = async (db: Reader, ref: ReturnRef) =>
  (await readRows<RequestRow>(
    db,
    `select r."id", r."status", r."order_id", r."amount_cents", r."currency",
            (select co."location_id" from "company_order" co where co."shop_id" = r."shop_id" and co."order_id" = r."order_id") as company_location_id
       from "return_request" r where r."id" = ? and r."shop_id" = ?`,
    [ref.returnId, ref.shopId],
  ))[0];

export interface RefundInput extends ReturnRef {
  notifyCustomer?: boolean;
}

/** `customerNotified` only when asked to notify: false when the notice failed and is left to NotifyCustomer. */
export interface RefundDone {
  refundId: string | null;
  customerNotified?: boolean;
}

async function refund(deps: ActivityDeps, db: Reader, ref: ReturnRef): Promise<{ refundId: string | null }> {
  const request = await readRequest(db, ref);
  if (!request) throw ApplicationFailure.nonRetryable(`return request ${ref.returnId} not found`, 'ReturnNotFound');
  if (request.status !== 'approved' && request.status !== 'refunded') {
    throw ApplicationFailure.nonRetryable(`return request ${ref.returnId} is ${request.status}, not approved`, 'ReturnNotApproved');
  }
  if (request.amount_cents === 0) {
    await markRefunded(deps, db, request, ref, `nothing to refund (0 ${request.currency})`);
    return { refundId: null };
  }
  let receipt;
  try {
    receipt = await whileHeartbeating(
      deps.payments.refund({
        shopId: ref.shopId,
        orderId: request.order_id,
        returnRequestId: request.id,
        amountCents: request.amount_cents,
        currency: request.currency,
        idempotencyKey: returnRefundKey(request.id),
      }),
    );
  } catch (e) {
    if (e instanceof RefundRefusedError) throw ApplicationFailure.nonRetryable(e.message, REFUND_REFUSED, e.refusal);
    throw e;
  }
  await markRefunded(deps, db, request, ref, `refunded ${receipt.amountCents} ${request.currency} (${receipt.provider} ${receipt.providerReference})`);
  return { refundId: receipt.refundId };
}

/**
 * Status `refunded` with its event in one statement (a retried step finds it
 * refunded and changes nothing), then a company order's budget credit, keyed
 * like the refund itself, so a retry after a failure between the two credits once.
 */
async function markRefunded(deps: ActivityDeps, db: Reader, request: RequestRow, ref: ReturnRef, note: string): Promise<void> {
  await moveReturnStatus(db, { shopId: ref.shopId, returnId: ref.returnId, from: 'approved', to: 'refunded', actor: 'system', note });
  await creditCompanyRefundOnPool(deps.orm, request.company_location_id, {
    shopId: ref.shopId, orderId: request.order_id, amountCents: request.amount_cents, idempotencyKey: returnRefundKey(request.id),
  });
}

export function processRefundActivities(deps: ActivityDeps) {
  const db = poolReader(deps.orm);
  const { NotifyCustomer } = notifyActivities(deps);
  /**
   * One try: a failure is logged (without the SMTP server's text, which can
   * carry the address) and left to the workflow's NotifyCustomer step, whose
   * retries and give-up are the notice's own, so a mail outage never fails the refund.
   */
  const tellCustomer = async (ref: ReturnRef): Promise<boolean> => {
    try {
      await NotifyCustomer({ returnId: ref.returnId, shopId: ref.shopId, notice: 'refunded' });
      return true;
    } catch (e) {
      log.warn('refund notice not sent; left to NotifyCustomer', { returnId: ref.returnId, error: e instanceof Error ? e.name : typeof e });
      return false;
    }
  };
  return {
    async ProcessRefund(input: RefundInput): Promise<RefundDone> {
      const ref = { returnId: input.returnId, shopId: input.shopId };
      const { refundId } = await refund(deps, db, ref);
      return input.notifyCustomer ? { refundId, customerNotified: await tellCustomer(ref) } : { refundId };
    },
  };
}
