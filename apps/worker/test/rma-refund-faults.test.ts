import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { Refund } from '@cartly/db';
import { seedReturn } from './support/fixtures.js';
import { startWorkerHarness, type WorkerHarness } from './support/harness.js';
import { flakyProvider, gatedProvider } from './support/providers.js';

/*
 * Exactly one refund however the refund step goes wrong. Each test gets its
 * own harness (task queue) because it controls which workers poll it.
 */

let h: WorkerHarness | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await h?.close();
  h = undefined;
});

const refundsOf = async (harness: WorkerHarness, orderId: string) =>
  harness.db.orm.em.fork().find(Refund, { order: orderId });

test('a provider that fails twice and then succeeds gives exactly one refund', async () => {
  h = await startWorkerHarness('flaky-provider');
  const flaky = flakyProvider(h.ledger, 2);
  await h.startWorker({ payments: flaky.provider });
  const seed = await seedReturn(h.db.orm);
  const handle = await h.startRma(seed);
  await h.decide(seed, handle, { kind: 'approve' });
  expect(await handle.result()).toBe('refunded');

  expect(flaky.calls).toHaveLength(3);
  // Every attempt carried the same idempotency key, derived from the return.
  expect(new Set(flaky.calls.map((c) => c.idempotencyKey))).toEqual(new Set([`return:${seed.returnId}`]));
  const refunds = await refundsOf(h, seed.orderId);
  expect(refunds).toHaveLength(1);
  expect(refunds[0]).toMatchObject({ amountCents: seed.amountCents, returnRequest: seed.returnId, idempotencyKey: `return:${seed.returnId}` });
  expect(await h.snapshot(seed)).toEqual({ status: 'refunded', history: ['requested', 'approved', 'refunded'], refunds: 1, refundedCents: seed.amountCents });
  expect(h.smtp.messages.filter((m) => m.to.includes(seed.customerEmail))).toHaveLength(1);
});

test('a worker asked to stop mid-refund first finishes the refund it is running, and another worker completes the return: one refund, one mail each', async () => {
  h = await startWorkerHarness('stopped-worker');
  const gated = gatedProvider(h.ledger);
  const first = await h.startWorker({ payments: gated.provider, shutdownGraceTime: 0 });
  const seed = await seedReturn(h.db.orm);
  const handle = await h.startRma(seed);
  await h.decide(seed, handle, { kind: 'approve' });

  await gated.entered; // ProcessRefund is in flight: validated, merchant already notified
  expect(await h.snapshot(seed)).toMatchObject({ status: 'approved', refunds: 0 });
  expect(await handle.query('status')).toMatchObject({ status: 'approved', step: 'refunding' });
  // The refund is a local step: a graceful stop waits for it rather than abandoning a call that moves money.
  const stopping = first.stop();
  await h.startWorker();
  gated.release();
  await stopping;
  expect(first.worker.getState()).toBe('STOPPED');

  expect(await handle.result()).toBe('refunded');
  expect(await h.snapshot(seed)).toEqual({ status: 'refunded', history: ['requested', 'approved', 'refunded'], refunds: 1, refundedCents: seed.amountCents });
  expect(h.smtp.messages.filter((m) => m.to.includes(seed.merchantEmail))).toHaveLength(1);
  expect(h.smtp.messages.filter((m) => m.to.includes(seed.customerEmail))).toHaveLength(1);
});

test('a worker killed (SIGKILL) after the money moved but before it could report back: one refund, completed by another worker', async () => {
  h = await startWorkerHarness('killed-worker');
  const harness = h;
  const seed = await seedReturn(h.db.orm);
  child = fork(fileURLToPath(new URL('./support/doomed-worker.ts', import.meta.url)), [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
    env: {
      ...process.env,
      DATABASE_URL: harness.db.url,
      SMTP_URL: harness.smtp.url,
      TEMPORAL_TASK_QUEUE: harness.taskQueue,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: Record<string, unknown>[] = [];
  const nextMessage = (key: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = messages.find((m) => key in m);
      if (found) return resolve(found);
      child!.on('message', (m: Record<string, unknown>) => key in m && resolve(m));
      child!.once('exit', (code) => reject(new Error(`doomed worker exited early (${code})`)));
    });
  child.on('message', (m: Record<string, unknown>) => messages.push(m));
  await nextMessage('ready');

  const handle = await h.startRma(seed);
  await h.decide(seed, handle, { kind: 'approve' });
  const { refunded } = await nextMessage('refunded');
  child.kill('SIGKILL');
  // The money moved, the activity never completed.
  expect((await refundsOf(harness, seed.orderId)).map((r) => r.id)).toEqual([refunded]);
  expect(await h.snapshot(seed)).toMatchObject({ status: 'approved', refunds: 1 });

  // The workflow task's timeout tells the server the worker is gone; the steps run again here (the refund found by its key).
  await h.startWorker();
  expect(await handle.result()).toBe('refunded');
  expect((await refundsOf(harness, seed.orderId)).map((r) => r.id)).toEqual([refunded]);
  expect(await h.snapshot(seed)).toEqual({ status: 'refunded', history: ['requested', 'approved', 'refunded'], refunds: 1, refundedCents: seed.amountCents });
  // The merchant was told by the killed worker, before the refund, and not again by the one that finished.
  expect(h.smtp.messages.filter((m) => m.to.includes(seed.merchantEmail))).toHaveLength(1);
  expect(h.smtp.messages.filter((m) => m.to.includes(seed.customerEmail))).toHaveLength(1);
}, 90_000);
