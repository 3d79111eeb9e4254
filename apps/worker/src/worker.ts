import { fileURLToPath } from 'node:url';
import {
  bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { Duration } from '@temporalio/common';
import type { TemporalConnectionConfig } from '@cartly/config';
import { ledgerPaymentProvider, type PaymentProvider } from '@cartly/payments';
import { createActivities, type ActivityDeps } from './activities/index.js';

/**
 * The workflows directory: webpack (inside the SDK's bundler) resolves its
 * index.ts from sources and index.js from dist, and maps `.js` imports to
 * `.ts` (resolve.extensionAlias), so the same path serves both.
 */
const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/', import.meta.url));

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundled once per process: a restarted worker (or a test's second worker) reuses it. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  // The runtime's logger, so webpack's report follows the process's log level.
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: Runtime.instance().logger }).catch((e: unknown) => {
    bundle = undefined;
    throw e;
  });
  return bundle;
}

/** Sets the SDK's log level; only the first call in a process counts (the runtime is a singleton). */
export function installTemporalRuntime(logLevel: LogLevel): void {
  try {
    Runtime.install({ logger: new DefaultLogger(logLevel) });
  } catch {
    // Already installed.
  }
}

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  taskQueue: string;
  /** The payment provider defaults to the ledger provider (refunds recorded against the order's payment). */
  activities: Omit<ActivityDeps, 'payments'> & { payments?: PaymentProvider };
  /** How long in-flight activities may finish after shutdown() before they are cancelled. */
  shutdownGraceTime?: Duration;
  identity?: string;
}

/** A worker serving the project's workflows and activities on one task queue; call run() to start polling. */
export async function createWorker(opts: CreateWorkerOptions): Promise<Worker> {
  const { orm, mailer, payments = ledgerPaymentProvider({ orm }) } = opts.activities;
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace ?? 'default',
    taskQueue: opts.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ orm, mailer, payments }),
    shutdownGraceTime: opts.shutdownGraceTime ?? '10s',
    ...(opts.identity ? { identity: opts.identity } : {}),
  });
}

export interface RunningWorker {
  worker: Worker;
  /** Settles when the worker has stopped (after shutdown and drain), rejecting if it crashed. */
  done: Promise<void>;
  /** Graceful shutdown, then closes the connection this helper opened. */
  stop(): Promise<void>;
}

/**
 * Connects, creates and runs a worker: what main.ts does, and what tests in other packages use.
 * `address`, `tls` and `apiKey` are what temporalConnectionConfig() (@cartly/config) builds from the environment.
 */
export async function startWorker(opts: Omit<CreateWorkerOptions, 'connection'> & TemporalConnectionConfig): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({
    address: opts.address,
    ...(opts.tls ? { tls: opts.tls } : {}),
    ...(opts.apiKey ? { apiKey: opts.apiKey } : {}),
  });
  let worker: Worker;
  try {
    worker = await createWorker({ ...opts, connection });
  } catch (e) {
    await connection.close();
    throw e;
  }
  const done = worker.run().finally(() => connection.close());
  return {
    worker,
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
