import type { PaymentProvider, RefundRequest } from '@cartly/payments';

/*
 * Payment providers with real behaviour for tests: each wraps the default
 * ledger provider (so refunds land in the real database) and adds the kind
 * of trouble a real gateway has.
 */

/** A gateway that times out `failures` times before it answers. */
export function flakyProvider(inner: PaymentProvider, failures: number) {
  const calls: RefundRequest[] = [];
  const provider: PaymentProvider = {
    name: inner.name,
    async refund(request) {
      calls.push(request);
      if (calls.length <= failures) throw new Error(`payment gateway timed out (call ${calls.length})`);
      return inner.refund(request);
    },
  };
  return { provider, calls };
}

/** A gateway call that hangs until released: the worker can be stopped while it is in flight. */
export function gatedProvider(inner: PaymentProvider) {
  let release!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const enteredOnce = new Promise<void>((resolve) => (entered = resolve));
  const calls: RefundRequest[] = [];
  const provider: PaymentProvider = {
    name: inner.name,
    async refund(request) {
      calls.push(request);
      entered();
      await gate;
      return inner.refund(request);
    },
  };
  return { provider, calls, entered: enteredOnce, release };
}
