import { Client, Connection, isGrpcServiceError, ServiceError } from '@temporalio/client';
import type { TemporalConnectionConfig } from '@cartly/config';

/**
 * One lazily opened Temporal connection per process: the API stays usable
 * (and its non-workflow routes keep working) while Temporal is down or slow.
 * Every call goes through `call()`, which gives each RPC it makes one deadline.
 */
export interface TemporalGateway {
  /** Runs `fn` with a deadline of the configured call timeout on every RPC it makes (see TemporalUnavailable). */
  call<T>(fn: (client: Client) => Promise<T>): Promise<T>;
  /** The client without a deadline: tests and tools only; request handlers use call(). */
  client(): Promise<Client>;
  taskQueue: string;
  close(): Promise<void>;
}

/**
 * Temporal did not answer in time or could not be reached. The request may
 * have reached the server and been applied, so callers must not claim that
 * nothing happened.
 */
export class TemporalUnavailable extends Error {
  constructor(cause: unknown) {
    super('Temporal did not answer before the deadline', { cause });
    this.name = 'TemporalUnavailable';
  }
}

// gRPC outcomes after which the server may or may not have acted on the request:
// CANCELLED 1, UNKNOWN 2, DEADLINE_EXCEEDED 4, UNAVAILABLE 14 (@grpc/grpc-js `status`, not a dependency of ours).
const AMBIGUOUS = new Set<number>([1, 2, 4, 14]);

function grpcCode(e: unknown): number | undefined {
  if (isGrpcServiceError(e)) return e.code;
  if (e instanceof ServiceError) return grpcCode(e.cause);
  return undefined;
}

export function temporalGateway(opts: {
  connection: TemporalConnectionConfig;
  namespace: string;
  taskQueue: string;
  callTimeoutMs: number;
}): TemporalGateway {
  // Lazy: nothing is dialled until the first call, and that call's deadline also bounds the dial.
  let opened: { connection: Connection; client: Client } | undefined;
  const open = () => {
    if (!opened) {
      const connection = Connection.lazy({ ...opts.connection, connectTimeout: opts.callTimeoutMs });
      opened = { connection, client: new Client({ connection, namespace: opts.namespace }) };
    }
    return opened.client;
  };
  return {
    taskQueue: opts.taskQueue,
    async call(fn) {
      const client = open();
      try {
        return await client.withDeadline(Date.now() + opts.callTimeoutMs, () => fn(client));
      } catch (e) {
        const code = grpcCode(e);
        throw code !== undefined && AMBIGUOUS.has(code) ? new TemporalUnavailable(e) : e;
      }
    },
    async client() {
      return open();
    },
    async close() {
      const current = opened;
      opened = undefined;
      await current?.connection.close().catch(() => undefined);
    },
  };
}
