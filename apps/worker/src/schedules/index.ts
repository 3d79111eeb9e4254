import type { Client, ScheduleOptions } from '@temporalio/client';
import { ensureSchedule } from './ensure-schedule.js';

/** Every schedule the worker keeps: each domain with periodic work adds a builder here. */
export const SCHEDULES: ((taskQueue: string) => ScheduleOptions)[] = [];

/** Ensures each schedule exists with its current options (idempotent; safe with several workers). */
export async function ensureSchedules(client: Client, taskQueue: string): Promise<void> {
  for (const build of SCHEDULES) await ensureSchedule(client, build(taskQueue));
}
