import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import { loadEnv } from '../src/env.js';
import { budgetResetScheduleId } from '../src/companies/budget-reset-schedule.js';
import { approveSignal, rejectSignal, statusQuery, type RmaSignalArgs } from '../src/workflows/index.js';
import { seedReturn } from './support/fixtures.js';
import { startWorkerHarness, type WorkerHarness } from './support/harness.js';

let h: WorkerHarness;
beforeAll(async () => {
  h = await startWorkerHarness('foundation');
  await h.startWorker();
});
afterAll(() => h.close());

/** A request id that was never committed: what the workflow sees when the API's transaction rolled back after starting it. */
const uncommitted = () => {
  const returnId = randomUUID();
  return { returnId, shopId: randomUUID(), workflowId: rmaWorkflowId(returnId) };
};

test('the worker serves its task queue: RMAWorkflow runs on the real server and answers its status query', async () => {
  const handle = await h.startRma(uncommitted(), 2);
  expect(await handle.query('status')).toEqual({ status: 'requested', step: 'awaiting_decision', decision: null, refundId: null });
  // No decision: the timer fires, ExpireReturn finds no row, and the run ends without mailing anyone.
  expect(await handle.result()).toBe('abandoned');
  expect(await handle.query('status')).toMatchObject({ status: 'abandoned', step: 'done' });
  expect(h.smtp.messages).toHaveLength(0);
});

test('a decision for a request that was never committed ends the workflow quietly', async () => {
  const handle = await h.startRma(uncommitted());
  await handle.signal('approve', {});
  expect(await handle.result()).toBe('abandoned');
  expect(h.smtp.messages).toHaveLength(0);
});

test('a workflow started with a nonsensical deadline fails instead of waiting forever', async () => {
  const handle = await h.startRma(uncommitted(), 0);
  await expect(handle.result()).rejects.toThrow(/Workflow execution failed/);
  const failure = await handle.result().then(() => undefined, (e: unknown) => e);
  expect(failure).toBeInstanceOf(WorkflowFailedError);
  const cause = (failure as WorkflowFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect(cause).toMatchObject({ type: 'InvalidWorkflowInput', nonRetryable: true, message: 'decisionTimeoutSeconds must be positive' });
});

test('configuration: DATABASE_URL is required, everything else has a loopback default', () => {
  expect(() => loadEnv({})).toThrow(/DATABASE_URL/);
  const env = loadEnv({ DATABASE_URL: 'postgres://x@127.0.0.1/db' });
  expect(env).toMatchObject({
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'cartly',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    WORKER_SHUTDOWN_GRACE_SECONDS: 10,
    WORKER_LOG_LEVEL: 'INFO',
  });
  expect(() => loadEnv({ DATABASE_URL: 'x', SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
});

test('`npm run dev` (src/main.ts) serves the configured task queue, runs a return to its refund, and stops cleanly on SIGTERM', async () => {
  const taskQueue = `test-main-${randomUUID()}`;
  const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', fileURLToPath(new URL('../src/main.ts', import.meta.url))], {
    env: { ...process.env, DATABASE_URL: h.db.url, SMTP_URL: h.smtp.url, TEMPORAL_TASK_QUEUE: taskQueue, WORKER_LOG_LEVEL: 'WARN' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  proc.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  try {
    const seed = await seedReturn(h.db.orm);
    const handle = await h.startRma(seed, 3600, taskQueue);
    await h.decide(seed, handle, { kind: 'approve' });
    expect(await handle.result()).toBe('refunded');
    expect(stdout).toContain(`serving task queue "${taskQueue}"`);
    await h.smtp.waitFor((m) => m.to.includes(seed.customerEmail));
    // It ensured the budget-reset schedule at start-up, pointed at its task queue.
    const schedule = await h.client.schedule.getHandle(budgetResetScheduleId(taskQueue)).describe();
    expect(schedule.action).toMatchObject({ workflowType: 'BudgetResetWorkflow', taskQueue });
  } finally {
    proc.kill('SIGTERM');
    await h.client.schedule.getHandle(budgetResetScheduleId(taskQueue)).delete().catch(() => undefined);
  }
  const [code] = await once(proc, 'exit');
  expect(code).toBe(0);
  expect(stdout).toContain('[worker] stopped');
});

test('signal and query names are the ones the API sends by name', () => {
  const names: Record<keyof RmaSignalArgs, string> = { approve: approveSignal.name, reject: rejectSignal.name };
  expect(names).toEqual({ approve: 'approve', reject: 'reject' });
  expect(statusQuery.name).toBe('status');
});
