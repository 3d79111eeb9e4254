import { randomUUID } from 'node:crypto';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { LockMode, Order, recordReturnTransition, Refund, ReturnRequest, ReturnRequestEvent } from '@cartly/db';
import type { RmaDecision } from '@cartly/contracts/workflows';
import { createTestDatabase, type TestDatabase } from '@cartly/db/testing';
import { createMailer, type Mailer } from '@cartly/mail';
import { startSmtpSink, type SmtpSink } from '@cartly/mail/testing';
import { ledgerPaymentProvider, type PaymentProvider } from '@cartly/payments';
import { installTemporalRuntime, startWorker, type RunningWorker } from '../../src/worker.js';
import type { RMAWorkflow } from '../../src/workflows/index.js';
import type { SeededReturn } from './fixtures.js';

/** What a workflow run needs to find its request (a seeded one, or one that was never committed). */
export type RmaRef = Pick<SeededReturn, 'returnId' | 'shopId' | 'workflowId'>;

/**
 * One test file's world: its own database and SMTP sink, the real Temporal
 * server from TEMPORAL_ADDRESS, and a task queue nobody else polls, so test
 * files never run each other's workflows.
 */
export interface WorkerHarness {
  db: TestDatabase;
  smtp: SmtpSink;
  mailer: Mailer;
  client: Client;
  taskQueue: string;
  ledger: PaymentProvider;
  startWorker(opts?: { payments?: PaymentProvider; mailer?: Mailer; shutdownGraceTime?: Duration }): Promise<RunningWorker>;
  /** Starts an RMAWorkflow (on this harness's task queue unless told otherwise); close() terminates it if still running. */
  startRma(ref: RmaRef, decisionTimeoutSeconds?: number, taskQueue?: string): Promise<WorkflowHandle<typeof RMAWorkflow>>;
  /**
   * What the API's approve/reject does: records the decision on the still-`requested` row (under its lock;
   * a decided row is left alone, like the API's 409), then signals. The workflow acts only on the record.
   */
  decide(ref: RmaRef, handle: WorkflowHandle, decision: RmaDecision): Promise<void>;
  snapshot(seed: SeededReturn): Promise<{ status: string; history: string[]; refunds: number; refundedCents: number }>;
  close(): Promise<void>;
}

/** Worker lifecycle chatter drowns test output; warnings and errors still show. */
export function quietTemporalLogs(): void {
  installTemporalRuntime('WARN');
}

export function temporalAddress(): string {
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set: run tests through vitest, whose globalSetup provides it');
  return address;
}

export async function startWorkerHarness(name: string): Promise<WorkerHarness> {
  quietTemporalLogs();
  const db = await createTestDatabase();
  const smtp = await startSmtpSink();
  // Pooled, as the worker's main.ts runs it.
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'Cartly <no-reply@cartly.test>', pool: true });
  const clientConnection = await Connection.connect({ address: temporalAddress() });
  const client = new Client({ connection: clientConnection });
  const taskQueue = `test-${name}-${randomUUID()}`;
  const ledger = ledgerPaymentProvider({ orm: db.orm });
  const workers: RunningWorker[] = [];
  const handles: WorkflowHandle[] = [];

  return {
    db, smtp, mailer, client, taskQueue, ledger,
    async startWorker(opts = {}) {
      // The production entry point (its own connection, closed on stop), with this file's database, mail and provider.
      const running = await startWorker({
        address: temporalAddress(),
        taskQueue,
        activities: { orm: db.orm, mailer: opts.mailer ?? mailer, payments: opts.payments ?? ledger },
        shutdownGraceTime: opts.shutdownGraceTime ?? 0,
      });
      workers.push(running);
      return running;
    },
    async startRma(ref, decisionTimeoutSeconds = 3600, queue = taskQueue) {
      const handle = await client.workflow.start<typeof RMAWorkflow>('RMAWorkflow', {
        taskQueue: queue,
        workflowId: ref.workflowId,
        args: [{ returnId: ref.returnId, shopId: ref.shopId, decisionTimeoutSeconds }],
      });
      handles.push(handle);
      return handle;
    },
    async decide(ref, handle, decision) {
      await db.orm.em.fork().transactional(async (em) => {
        const request = await em.findOneOrFail(ReturnRequest, { id: ref.returnId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (request.status !== 'requested') return;
        request.decidedAt = new Date();
        request.decisionNote = decision.note ?? null;
        if (decision.kind === 'reject') request.rejectReason = decision.reason;
        recordReturnTransition(em, request, decision.kind === 'approve' ? 'approved' : 'rejected', { actor: 'merchant', note: request.decisionNote });
      });
      const { kind, ...args } = decision;
      await handle.signal(kind, args);
    },
    async snapshot(seed) {
      const em = db.orm.em.fork();
      const request = await em.findOneOrFail(ReturnRequest, { id: seed.returnId });
      const events = await em.find(ReturnRequestEvent, { returnRequest: seed.returnId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      const order = await em.findOneOrFail(Order, { id: seed.orderId });
      return {
        status: request.status,
        history: events.map((e) => e.status),
        refunds: await em.count(Refund, { order: seed.orderId }),
        refundedCents: order.refundedCents,
      };
    },
    async close() {
      // Leave nothing running on the shared server.
      await Promise.allSettled(handles.map((h) => h.terminate('test finished')));
      await Promise.allSettled(workers.map((w) => w.stop()));
      await clientConnection.close();
      mailer.close();
      await smtp.close();
      await db.drop();
    },
  };
}
