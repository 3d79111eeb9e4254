import fs from 'node:fs';
import { expect, test } from 'vitest';
import { DeterminismViolationError } from '@temporalio/workflow';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../src/worker.js';
import { quietTemporalLogs } from './support/harness.js';

/*
 * Runs started under an older RMAWorkflow must go on under today's: each
 * history here was recorded by support/record-rma-histories.ts from the
 * workflow of a commit before one of its patches (rma-adopt-recorded-decision,
 * rma-local-steps, rma-local-refund, rma-three-steps, rma-one-marker), through an approval and a rejection,
 * and today's code must replay it command for command. No server is needed.
 */

quietTemporalLogs();
const dir = new URL('./histories/', import.meta.url);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const read = (file: string) => JSON.parse(fs.readFileSync(new URL(file, dir), 'utf8')) as { events: Record<string, unknown>[] };
// Decoded with the proto package's own types: the SDK's JSON reader uses another protobufjs copy in this install and refuses them.
const history = (json: unknown) => temporal.api.history.v1.History.fromObject(json as Record<string, unknown>);

test('there is a recorded approval and rejection from before each patch', () => {
  expect(files).toEqual([
    'rma-five-steps-approve.json', 'rma-five-steps-reject.json',
    'rma-record-decision-approve.json', 'rma-record-decision-reject.json',
    'rma-remote-refund-approve.json', 'rma-remote-refund-reject.json',
    'rma-remote-steps-approve.json', 'rma-remote-steps-reject.json',
    'rma-three-steps-approve.json', 'rma-three-steps-reject.json',
  ]);
});

test.each(files)('%s replays on today\'s RMAWorkflow', async (file) => {
  await Worker.runReplayHistory({ workflowBundle: await workflowBundle(), replayName: file }, history(read(file)));
}, 60_000);

test('a history whose steps differ from what the code schedules is refused, so the replays above do check', async () => {
  const tampered = read('rma-remote-refund-approve.json');
  const scheduled = tampered.events.find((e) => (e.activityTaskScheduledEventAttributes as { activityType?: { name?: string } } | undefined)
    ?.activityType?.name === 'ProcessRefund')!;
  (scheduled.activityTaskScheduledEventAttributes as { activityType: { name: string } }).activityType.name = 'NotifyCustomer';
  await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle(), replayName: 'tampered' }, history(tampered)))
    .rejects.toBeInstanceOf(DeterminismViolationError);
}, 60_000);
