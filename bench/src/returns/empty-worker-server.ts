// A worker for BenchEmptyWorkflow only (one no-op activity), in its own process like the real one.
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { installTemporalRuntime } from '@cartly/worker';
import { loadBenchEnv } from '../env.js';
import { serveUntilStopped } from '../serve.js';

const env = loadBenchEnv();
if (!env.TEMPORAL_ADDRESS || !env.BENCH_TASK_QUEUE) throw new Error('empty-worker-server: TEMPORAL_ADDRESS and BENCH_TASK_QUEUE are required');
installTemporalRuntime('WARN');
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const worker = await Worker.create({
  connection,
  taskQueue: env.BENCH_TASK_QUEUE,
  workflowsPath: fileURLToPath(new URL('./empty-workflow.ts', import.meta.url)),
  activities: { noop: async () => undefined },
});
const done = worker.run();
serveUntilStopped(`worker:${env.BENCH_TASK_QUEUE}`, async () => {
  worker.shutdown();
  await done;
  await connection.close();
});
