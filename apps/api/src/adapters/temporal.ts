import { Client, Connection } from '@temporalio/client';

/**
 * One lazily opened Temporal connection per process: the API stays usable
 * (and its non-workflow routes keep working) while Temporal is briefly down.
 */
export interface TemporalGateway {
  client(): Promise<Client>;
  taskQueue: string;
  close(): Promise<void>;
}

export function temporalGateway(opts: { address: string; namespace: string; taskQueue: string }): TemporalGateway {
  let pending: Promise<{ connection: Connection; client: Client }> | undefined;
  const open = async () => {
    const connection = await Connection.connect({ address: opts.address });
    return { connection, client: new Client({ connection, namespace: opts.namespace }) };
  };
  return {
    taskQueue: opts.taskQueue,
    async client() {
      pending ??= open().catch((e: unknown) => {
        pending = undefined;
        throw e;
      });
      return (await pending).client;
    },
    async close() {
      // A connection that never opened has nothing to close (and must not make close() throw).
      if (pending) await pending.then((p) => p.connection.close(), () => undefined).catch(() => undefined);
      pending = undefined;
    },
  };
}
