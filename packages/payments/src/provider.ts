/**
 * What a payment provider must do to give money back. The API never calls it;
 * the worker's ProcessRefund activity does, so it lives in its own package
 * that both can depend on without the worker importing the API.
 */
export interface RefundRequest {
  shopId: string;
  orderId: string;
  /** The return this refund settles, if any. */
  returnRequestId?: string | null;
  /** Positive, in minor units of `currency`. */
  amountCents: number;
  currency: string;
  /**
   * The same key always means the same refund: a provider that sees a key
   * again answers with the refund it already made and moves no money.
   */
  idempotencyKey: string;
}

export interface RefundReceipt {
  /** Our refund row. */
  refundId: string;
  provider: string;
  providerReference: string;
  amountCents: number;
  /** True when the key had been used before and no new money moved. */
  replayed: boolean;
}

export interface PaymentProvider {
  readonly name: string;
  /** Idempotent per `idempotencyKey`; throws RefundRefusedError for requests that can never succeed. */
  refund(request: RefundRequest): Promise<RefundReceipt>;
}

export type RefundRefusal = 'order_not_found' | 'exceeds_payment' | 'invalid_amount' | 'key_reused';

/** A refund that retrying cannot fix (as opposed to an outage, which is thrown as any other error). */
export class RefundRefusedError extends Error {
  override readonly name = 'RefundRefusedError';
  constructor(readonly refusal: RefundRefusal, message: string) {
    super(message);
  }
}

/** Idempotency key of the refund that settles a return: one return, one refund, ever (defined with the returns workflow). */
export { returnRefundKey } from '@cartly/contracts/workflows';
