// The returns bench's yardstick: what the Temporal server does for a workflow with one activity and nothing else.
import { proxyActivities } from '@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

export async function BenchEmptyWorkflow(): Promise<void> {
  await noop();
}
