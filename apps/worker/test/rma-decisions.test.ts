import { afterAll, beforeAll, expect, test } from 'vitest';
import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import { Order, recordReturnTransition, ReturnRequest } from '@cartly/db';
import type { Mailer } from '@cartly/mail';
import { RefundRefusedError, type PaymentProvider } from '@cartly/payments';
import type { RmaState } from '../src/workflows/index.js';
import { stepsRun } from '../src/lib/steps-run.js';
import { notifyActivities } from '../src/returns/notify.js';
import { seedReturn, type SeededReturn } from './support/fixtures.js';
import { startWorkerHarness, type WorkerHarness } from './support/harness.js';

let h: WorkerHarness;
/** Which provider and mailer the shared worker uses; a test may swap in a refusing one. */
let provider: PaymentProvider;
let mailer: Mailer;

beforeAll(async () => {
  h = await startWorkerHarness('rma-decisions');
  provider = h.ledger;
  mailer = h.mailer;
  await h.startWorker({
    payments: { name: 'switchable', refund: (r) => provider.refund(r) },
    mailer: { send: (m) => mailer.send(m), close: () => undefined },
  });
});
afterAll(() => h.close());

const stepsOf = async (handle: WorkflowHandle) => stepsRun(await handle.fetchHistory());
/** Activities the run has completed (a ReadDecision, or ValidateReturn after an approve signal, per wake-up; signals in one task share it). */
const completedActivities = async (handle: WorkflowHandle) => (await stepsOf(handle)).length;

const mailTo = (to: string) => h.smtp.messages.filter((m) => m.to.includes(to));

test('approve: validated, merchant notified, refunded once, customer notified; status query follows along', async () => {
  const seed = await seedReturn(h.db.orm, {
    lines: [{ unitPriceCents: 2000, quantity: 2, returnQuantity: 1 }, { unitPriceCents: 500, quantity: 1, returnQuantity: 1 }],
  });
  const handle = await h.startRma(seed);
  expect(await handle.query('status')).toMatchObject({ status: 'requested', step: 'awaiting_decision' });
  await h.decide(seed, handle, { kind: 'approve', note: 'Thanks for letting us know' });
  expect(await handle.result()).toBe('refunded');
  expect(await handle.query('status')).toMatchObject({ status: 'refunded', step: 'done', decision: 'approve' });
  // SPEC §9's three steps and no others (ValidateReturn reads the decision, ProcessRefund tells the customer), each
  // in the workflow's own worker (local activities), in the one workflow task after the signal.
  expect(await stepsOf(handle)).toEqual([
    { name: 'ValidateReturn', local: true },
    { name: 'NotifyMerchant', local: true },
    { name: 'ProcessRefund', local: true },
  ]);
  // One patch marker (rma-one-marker stands for the four patches before it).
  const patches = (await handle.fetchHistory()).events!.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch');
  expect(patches).toHaveLength(1);

  expect(await h.snapshot(seed)).toEqual({ status: 'refunded', history: ['requested', 'approved', 'refunded'], refunds: 1, refundedCents: 2500 });
  const order = await h.db.orm.em.fork().findOneOrFail(Order, { id: seed.orderId });
  expect(order.financialStatus).toBe('partially_refunded');

  const merchant = await h.smtp.waitFor((m) => m.to.includes(seed.merchantEmail));
  expect(merchant.subject).toBe('Return approved for order #1001: $25.00 is being refunded');
  expect(merchant.text).toContain('1 × Tee 1 (damaged)');
  const customer = await h.smtp.waitFor((m) => m.to.includes(seed.customerEmail));
  expect(customer.subject).toBe('Your return for order #1001 is approved: $25.00 refunded');
  expect(customer.text).toContain('Thanks for letting us know');
});

test('a refund notice that fails in ProcessRefund is sent by NotifyCustomer: one refund, the customer mailed once', async () => {
  const seed = await seedReturn(h.db.orm);
  let customerSends = 0;
  mailer = {
    send: async (m) => {
      if (m.to.includes(seed.customerEmail) && customerSends++ === 0) throw new Error('421 4.7.0 try again later');
      return h.mailer.send(m);
    },
    close: () => undefined,
  };
  try {
    const handle = await h.startRma(seed);
    await h.decide(seed, handle, { kind: 'approve' });
    expect(await handle.result()).toBe('refunded');
    expect(await stepsOf(handle)).toEqual([
      { name: 'ValidateReturn', local: true },
      { name: 'NotifyMerchant', local: true },
      { name: 'ProcessRefund', local: true },
      { name: 'NotifyCustomer', local: true },
    ]);
  } finally {
    mailer = h.mailer;
  }
  expect(customerSends).toBe(2);
  expect(await h.snapshot(seed)).toEqual({ status: 'refunded', history: ['requested', 'approved', 'refunded'], refunds: 1, refundedCents: seed.amountCents });
  await h.smtp.waitFor((m) => m.to.includes(seed.customerEmail));
  expect(mailTo(seed.customerEmail)).toHaveLength(1);
  expect(mailTo(seed.merchantEmail)).toHaveLength(1);
});

test('reject: the customer is told why, nothing is refunded, the merchant gets no refund notice', async () => {
  const seed = await seedReturn(h.db.orm);
  const handle = await h.startRma(seed);
  await h.decide(seed, handle, { kind: 'reject', reason: 'final_sale', note: 'Clearance items cannot be returned' });
  expect(await handle.result()).toBe('rejected');
  expect(await stepsOf(handle)).toEqual([{ name: 'ReadDecision', local: true }, { name: 'NotifyCustomer', local: true }]);
  expect(await h.snapshot(seed)).toEqual({ status: 'rejected', history: ['requested', 'rejected'], refunds: 0, refundedCents: 0 });
  const mail = await h.smtp.waitFor((m) => m.to.includes(seed.customerEmail));
  expect(mail.subject).toBe('Your return request for order #1001 was declined');
  expect(mail.text).toContain('sold as final sale');
  expect(mail.text).toContain('Clearance items cannot be returned');
  expect(mailTo(seed.merchantEmail)).toHaveLength(0);
});

test('two approve signals give one refund and one notice each', async () => {
  const seed = await seedReturn(h.db.orm);
  const handle = await h.startRma(seed);
  await Promise.all([h.decide(seed, handle, { kind: 'approve' }), h.decide(seed, handle, { kind: 'approve' })]);
  expect(await handle.result()).toBe('refunded');
  expect(await h.snapshot(seed)).toEqual({ status: 'refunded', history: ['requested', 'approved', 'refunded'], refunds: 1, refundedCents: seed.amountCents });
  expect(mailTo(seed.customerEmail)).toHaveLength(1);
  expect(mailTo(seed.merchantEmail)).toHaveLength(1);
});

test('approve racing reject: one outcome, and the database, the query and the mail agree on it', async () => {
  for (let i = 0; i < 3; i++) {
    const seed = await seedReturn(h.db.orm);
    const handle = await h.startRma(seed);
    await Promise.all([h.decide(seed, handle, { kind: 'approve' }), h.decide(seed, handle, { kind: 'reject', reason: 'other', note: 'changed our mind' })]);
    const outcome = await handle.result();
    expect(['refunded', 'rejected']).toContain(outcome);
    const snap = await h.snapshot(seed);
    expect(snap.status).toBe(outcome);
    expect((await handle.query<RmaState>('status')).status).toBe(outcome);
    expect(snap.refunds).toBe(outcome === 'refunded' ? 1 : 0);
    expect(snap.history).toEqual(outcome === 'refunded' ? ['requested', 'approved', 'refunded'] : ['requested', 'rejected']);
    expect(mailTo(seed.customerEmail)).toHaveLength(1);
  }
});

test('the decision already in the database wins over a different signal (the API records before it signals)', async () => {
  const seed = await seedReturn(h.db.orm);
  const handle = await h.startRma(seed);
  // As if the merchant's reject committed while a stray approve reached the workflow first.
  await h.db.orm.em.fork().transactional(async (em) => {
    const request = await em.findOneOrFail(ReturnRequest, { id: seed.returnId });
    request.rejectReason = 'return_period_ended';
    request.decidedAt = new Date();
    recordReturnTransition(em, request, 'rejected', { actor: 'merchant' });
  });
  await handle.signal('approve', {});
  expect(await handle.result()).toBe('rejected');
  expect(await h.snapshot(seed)).toMatchObject({ status: 'rejected', refunds: 0 });
  expect((await h.smtp.waitFor((m) => m.to.includes(seed.customerEmail))).text).toContain('return period has ended');
});

test('a raw approve signal with no recorded decision refunds nothing; the recorded decision then refunds once', async () => {
  const seed = await seedReturn(h.db.orm);
  const handle = await h.startRma(seed);
  // Anyone who can reach the Temporal frontend can send this; the API never recorded a decision.
  await handle.signal('approve', { note: 'give me my money' });
  await handle.signal('approve', {});
  // Once the workflow has read the row (undecided) it is waiting again, and nothing moved.
  const waitingAgain = async () => (await completedActivities(handle)) >= 1 && (await handle.query<RmaState>('status')).step === 'awaiting_decision';
  await expect.poll(waitingAgain, { timeout: 15_000 }).toBe(true);
  expect(await handle.query<RmaState>('status')).toMatchObject({ status: 'requested', decision: null });
  expect(await h.snapshot(seed)).toEqual({ status: 'requested', history: ['requested'], refunds: 0, refundedCents: 0 });
  expect(mailTo(seed.merchantEmail)).toHaveLength(0);

  await h.decide(seed, handle, { kind: 'approve', note: 'recorded by the API' });
  expect(await handle.result()).toBe('refunded');
  expect(await h.snapshot(seed)).toEqual({ status: 'refunded', history: ['requested', 'approved', 'refunded'], refunds: 1, refundedCents: seed.amountCents });
  // The customer's mail carries the recorded note, not the raw signal's.
  expect((await h.smtp.waitFor((m) => m.to.includes(seed.customerEmail))).text).toContain('recorded by the API');
});

test('ValidateReturn re-checks at decision time: an order refunded meanwhile cancels the return without a refund', async () => {
  const seed = await seedReturn(h.db.orm);
  const em = h.db.orm.em.fork();
  const order = await em.findOneOrFail(Order, { id: seed.orderId });
  order.refundedCents = order.paidCents - 1;
  await em.flush();
  const handle = await h.startRma(seed);
  await h.decide(seed, handle, { kind: 'approve' });
  expect(await handle.result()).toBe('cancelled');
  const snap = await h.snapshot(seed);
  expect(snap).toMatchObject({ status: 'cancelled', history: ['requested', 'approved', 'cancelled'], refunds: 0 });
  expect((await h.smtp.waitFor((m) => m.to.includes(seed.customerEmail))).subject).toBe('Your return for order #1001 could not be completed');
  expect(mailTo(seed.merchantEmail)).toHaveLength(0);
});

test('a provider that refuses the refund for good cancels the return instead of retrying forever', async () => {
  const seed = await seedReturn(h.db.orm);
  provider = {
    name: 'refusing',
    refund: async () => {
      throw new RefundRefusedError('exceeds_payment', 'card account closed');
    },
  };
  try {
    const handle = await h.startRma(seed);
    await h.decide(seed, handle, { kind: 'approve' });
    expect(await handle.result()).toBe('cancelled');
  } finally {
    provider = h.ledger;
  }
  expect(await h.snapshot(seed)).toMatchObject({ status: 'cancelled', refunds: 0, refundedCents: 0 });
});

test('an undecided request expires after the configured time, and a late approval finds nothing to signal', async () => {
  const seed: SeededReturn = await seedReturn(h.db.orm, { decisionSeconds: 2 });
  const started = Date.now();
  const handle = await h.startRma(seed, 2);
  expect(await handle.result()).toBe('expired');
  expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  expect(await h.snapshot(seed)).toEqual({ status: 'expired', history: ['requested', 'expired'], refunds: 0, refundedCents: 0 });
  expect((await h.smtp.waitFor((m) => m.to.includes(seed.customerEmail))).subject).toBe('Your return request for order #1001 has expired');
  await expect(handle.signal('approve', {})).rejects.toBeInstanceOf(WorkflowNotFoundError);
  expect(await h.snapshot(seed)).toMatchObject({ status: 'expired', refunds: 0 });
});

test('a $0 return (free items) ends refunded without asking the provider, which would refuse 0', async () => {
  const seed = await seedReturn(h.db.orm, { lines: [{ unitPriceCents: 0, quantity: 1, returnQuantity: 1 }] });
  expect(seed.amountCents).toBe(0);
  const calls: unknown[] = [];
  provider = {
    name: 'watching',
    refund: async (r) => {
      calls.push(r);
      return h.ledger.refund(r);
    },
  };
  try {
    const handle = await h.startRma(seed);
    await h.decide(seed, handle, { kind: 'approve' });
    expect(await handle.result()).toBe('refunded');
    expect(await handle.query('status')).toMatchObject({ status: 'refunded', step: 'done', refundId: null });
  } finally {
    provider = h.ledger;
  }
  expect(calls).toEqual([]);
  expect(await h.snapshot(seed)).toEqual({ status: 'refunded', history: ['requested', 'approved', 'refunded'], refunds: 0, refundedCents: 0 });
  const customer = await h.smtp.waitFor((m) => m.to.includes(seed.customerEmail));
  expect(customer.subject).toBe('Your return for order #1001 is approved: $0.00 refunded');
});

test('a notice step run again (its workflow task did not complete) mails nobody twice; another shop\'s id finds nothing', async () => {
  const seed = await seedReturn(h.db.orm);
  const { NotifyMerchant, NotifyCustomer } = notifyActivities({ orm: h.db.orm, mailer: h.mailer, payments: h.ledger });
  const ref = { returnId: seed.returnId, shopId: seed.shopId };
  expect(await NotifyMerchant(ref)).toEqual({ sent: true, to: seed.merchantEmail });
  expect(await NotifyMerchant(ref)).toEqual({ sent: true, to: seed.merchantEmail, earlier: true });
  expect(await NotifyCustomer({ ...ref, notice: 'expired' })).toEqual({ sent: true, to: seed.customerEmail });
  expect(await NotifyCustomer({ ...ref, notice: 'expired' })).toEqual({ sent: true, to: seed.customerEmail, earlier: true });
  await h.smtp.waitFor((m) => m.to.includes(seed.merchantEmail));
  await h.smtp.waitFor((m) => m.to.includes(seed.customerEmail));
  expect(mailTo(seed.merchantEmail)).toHaveLength(1);
  expect(mailTo(seed.customerEmail)).toHaveLength(1);

  const other = await seedReturn(h.db.orm);
  expect(await NotifyMerchant({ returnId: seed.returnId, shopId: other.shopId })).toEqual({ sent: false, reason: 'return request not found' });
  expect(await NotifyCustomer({ returnId: seed.returnId, shopId: other.shopId, notice: 'expired' })).toEqual({ sent: false, reason: 'return request not found' });
  expect(mailTo(other.merchantEmail)).toHaveLength(0);
  expect(mailTo(other.customerEmail)).toHaveLength(0);
});
