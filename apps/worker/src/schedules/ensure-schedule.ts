import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';

/**
 * Creates the schedule, or brings an existing one up to these options: what
 * every worker runs at start-up, so several workers (and every restart) agree
 * on one schedule per id instead of racing to create it.
 */
export async function ensureSchedule(client: Client, options: ScheduleOptions): Promise<'created' | 'updated'> {
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
  }
  const { scheduleId: _id, ...rest } = options;
  await client.schedule.getHandle(options.scheduleId).update((previous) => ({
    ...previous,
    spec: rest.spec,
    action: { ...rest.action, workflowId: rest.action.workflowId ?? options.scheduleId },
    policies: { ...previous.policies, ...rest.policies },
    state: { ...previous.state, ...(rest.state ?? {}) },
  }) as never);
  return 'updated';
}
