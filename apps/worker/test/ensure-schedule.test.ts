import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { ensureSchedule } from '../src/schedules/ensure-schedule.js';

let connection: Connection;
let client: Client;
beforeAll(async () => {
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  client = new Client({ connection });
});
afterAll(() => connection.close());

const options = (scheduleId: string, hour: number) => ({
  scheduleId,
  spec: { calendars: [{ hour, minute: 0 }], timezone: 'Europe/Berlin' },
  action: { type: 'startWorkflow' as const, workflowType: 'NoSuchWorkflow', taskQueue: `q-${scheduleId}`, args: [] },
  state: { paused: true },
});

test('ensuring a schedule twice, or from two workers at once, leaves one schedule with the newest options', async () => {
  const id = `test-ensure-${randomUUID()}`;
  try {
    const first = await Promise.all([ensureSchedule(client, options(id, 3)), ensureSchedule(client, options(id, 3))]);
    expect(first.sort()).toEqual(['created', 'updated']);
    expect(await ensureSchedule(client, options(id, 5))).toBe('updated');
    const described = await client.schedule.getHandle(id).describe();
    expect(described.spec.calendars?.[0]?.hour).toEqual([{ start: 5, end: 5, step: 1 }]);
    expect(described.spec.timezone).toBe('Europe/Berlin');
    const ids: string[] = [];
    for await (const s of client.schedule.list()) if (s.scheduleId === id) ids.push(s.scheduleId);
    expect(ids.length).toBeLessThanOrEqual(1); // the list is eventually consistent; never two
  } finally {
    await client.schedule.getHandle(id).delete().catch(() => undefined);
  }
});
