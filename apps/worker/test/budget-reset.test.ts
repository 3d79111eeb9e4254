import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ScheduleOverlapPolicy, type ScheduleHandle } from '@temporalio/client';
import { ensureSchedule } from '../src/schedules/ensure-schedule.js';
import { budgetResetSchedule } from '../src/companies/budget-reset-schedule.js';
import type { BudgetResetTotals } from '../src/companies/budget-reset-types.js';
import { startWorkerHarness, type WorkerHarness } from './support/harness.js';
import { locationState, seedLocation, seedShop, type SeededLocation } from './support/companies.js';

/*
 * Budget resets driven through the real Temporal Schedule: backfill and
 * trigger through Temporal's API start the workflow exactly as the schedule's
 * own clock would, with TemporalScheduledStartTime set to the slot.
 */

let h: WorkerHarness;
let scheduleId: string;
let schedule: ScheduleHandle;

beforeAll(async () => {
  h = await startWorkerHarness('budget-reset');
  await h.startWorker();
  scheduleId = `test-budget-reset-${randomUUID()}`;
  // Small batches and short runs, so this handful of locations already spans batches and continue-as-new.
  expect(await ensureSchedule(h.client, budgetResetSchedule(h.taskQueue, { scheduleId, input: { batchSize: 2, batchesPerRun: 2 } }))).toBe('created');
  schedule = h.client.schedule.getHandle(scheduleId);
});
afterAll(async () => {
  await schedule?.delete().catch(() => undefined);
  await h.close();
});

/** Runs the schedule for one slot (a backfill of a one-minute window) and waits for the run, across continue-as-new. */
async function runSlot(slot: string): Promise<BudgetResetTotals> {
  const at = new Date(slot);
  await schedule.backfill({ start: new Date(at.getTime() - 30_000), end: new Date(at.getTime() + 30_000), overlap: ScheduleOverlapPolicy.ALLOW_ALL });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { info } = await schedule.describe();
    const action = info.recentActions.find((a) => a.scheduledAt.getTime() === at.getTime());
    if (action) return h.client.workflow.getHandle(action.action.workflow.workflowId).result();
    if (Date.now() > deadline) throw new Error(`the schedule did not run slot ${slot}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const states = (locations: SeededLocation[]) => Promise.all(locations.map((l) => locationState(h.db.orm, l.id)));

describe('the schedule', () => {
  test('is ensured idempotently: a second call updates it, concurrent calls from several workers leave one', async () => {
    expect(await ensureSchedule(h.client, budgetResetSchedule(h.taskQueue, { scheduleId, input: { batchSize: 2, batchesPerRun: 2 } }))).toBe('updated');
    const racers = await Promise.all(
      Array.from({ length: 3 }, () => ensureSchedule(h.client, budgetResetSchedule(h.taskQueue, { scheduleId: `${scheduleId}-race`, input: {} }))),
    );
    expect(racers.filter((r) => r === 'created')).toHaveLength(1);
    await h.client.schedule.getHandle(`${scheduleId}-race`).delete();

    const described = await schedule.describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'BudgetResetWorkflow', taskQueue: h.taskQueue });
    expect(described.spec.calendars?.[0]).toMatchObject({ minute: [{ start: 0, end: 45, step: 15 }] });
    expect(described.policies.overlap).toBe(ScheduleOverlapPolicy.BUFFER_ONE);
  });
});

describe('resets at period boundaries, in the shop\'s time zone', () => {
  let monthly: SeededLocation;
  let quarterly: SeededLocation;
  let yearly: SeededLocation;
  let newYork: SeededLocation;
  let idle: SeededLocation;
  let all: SeededLocation[];

  beforeAll(async () => {
    const utc = await seedShop(h.db.orm, 'UTC');
    const ny = await seedShop(h.db.orm, 'America/New_York');
    monthly = await seedLocation(h.db.orm, utc, { period: 'monthly', periodStart: '2027-03-01', spentCents: 400 });
    quarterly = await seedLocation(h.db.orm, utc, { period: 'quarterly', periodStart: '2027-01-01', spentCents: 500 });
    yearly = await seedLocation(h.db.orm, utc, { period: 'yearly', periodStart: '2027-01-01', spentCents: 600 });
    newYork = await seedLocation(h.db.orm, ny, { period: 'monthly', periodStart: '2027-03-01', spentCents: 700 });
    idle = await seedLocation(h.db.orm, utc, { period: 'monthly', periodStart: '2027-03-01', spentCents: 0 });
    all = [monthly, quarterly, yearly, newYork, idle];
  });

  test('1 April 00:00 UTC: the monthly and quarterly locations reset; yearly and New York (still 31 March) do not', async () => {
    const totals = await runSlot('2027-04-01T00:00:00Z');
    expect(totals.reset).toBe(3);
    expect(totals.runs).toBeGreaterThan(1); // batches of 2, two per run: continue-as-new happened
    const [m, q, y, n, i] = await states(all);
    expect(m).toMatchObject({ periodStart: '2027-04-01', spentCents: 0, ledgerSum: 0, resets: [{ periodStart: '2027-04-01', amountCents: -400 }] });
    expect(q).toMatchObject({ periodStart: '2027-04-01', spentCents: 0, ledgerSum: 0, resets: [{ periodStart: '2027-04-01', amountCents: -500 }] });
    expect(y).toMatchObject({ periodStart: '2027-01-01', spentCents: 600, resets: [] });
    expect(n).toMatchObject({ periodStart: '2027-03-01', spentCents: 700, resets: [] });
    // Nothing spent: the period moves, no ledger line is written.
    expect(i).toMatchObject({ periodStart: '2027-04-01', spentCents: 0, resets: [] });
  });

  test('a second run of the same slot changes nothing', async () => {
    const before = await states(all);
    const totals = await runSlot('2027-04-01T00:00:00Z');
    expect(totals.reset).toBe(0);
    expect(await states(all)).toEqual(before);
  });

  test('04:00 UTC is midnight in New York (EDT): its monthly location resets now', async () => {
    const totals = await runSlot('2027-04-01T04:00:00Z');
    expect(totals.reset).toBe(1);
    expect((await locationState(h.db.orm, newYork.id))).toMatchObject({ periodStart: '2027-04-01', spentCents: 0, resets: [{ periodStart: '2027-04-01', amountCents: -700 }] });
  });

  test('1 May: monthly locations roll, the quarterly one stays in its quarter', async () => {
    await runSlot('2027-05-01T04:00:00Z');
    const [m, q] = await states(all);
    expect(m!.periodStart).toBe('2027-05-01');
    expect(q!.periodStart).toBe('2027-04-01');
  });

  test('1 January: yearly resets (and the others roll too); a late catch-up of an old slot never moves a period back', async () => {
    await runSlot('2028-01-01T05:00:00Z');
    const [m, q, y, n] = await states(all);
    expect(y).toMatchObject({ periodStart: '2028-01-01', spentCents: 0, ledgerSum: 0, resets: [{ periodStart: '2028-01-01', amountCents: -600 }] });
    expect([m!.periodStart, q!.periodStart, n!.periodStart]).toEqual(['2028-01-01', '2028-01-01', '2028-01-01']);
    const before = await states(all);
    expect((await runSlot('2027-04-01T00:15:00Z')).reset).toBe(0);
    expect(await states(all)).toEqual(before);
  });

  test('trigger (now, in 2026) finds every period already current and changes nothing', async () => {
    const before = await states(all);
    const seen = new Set((await schedule.describe()).info.recentActions.map((a) => a.action.workflow.workflowId));
    await schedule.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
    let workflowId: string | undefined;
    for (let i = 0; i < 150 && !workflowId; i++) {
      workflowId = (await schedule.describe()).info.recentActions.map((a) => a.action.workflow.workflowId).find((id) => !seen.has(id));
      if (!workflowId) await new Promise((r) => setTimeout(r, 200));
    }
    expect(workflowId).toBeDefined();
    expect((await h.client.workflow.getHandle(workflowId!).result()).reset).toBe(0);
    expect(await states(all)).toEqual(before);
  });

  test('a charge that commits while a batch is resetting its location is never lost: the location waits for the next run', async () => {
    const shop = await seedShop(h.db.orm, 'UTC');
    const racing = await seedLocation(h.db.orm, shop, { period: 'monthly', periodStart: '2028-01-01', spentCents: 300 });
    let run: Promise<BudgetResetTotals> | undefined;
    // Hold the row the way a reorder does, charge it, and commit only once the batch is waiting on that row.
    await h.db.orm.em.fork().transactional(async (tx) => {
      await tx.execute('select id from company_location where id = ? for update', [racing.id]);
      await tx.execute('update company_location set spent_cents = spent_cents + 50 where id = ?', [racing.id]);
      run = runSlot('2028-02-01T00:00:00Z');
      await new Promise((r) => setTimeout(r, 2500));
    });
    await run;
    // The batch saw 300 but the row holds 350 now: it was skipped, not zeroed with a ledger line of -300.
    expect(await locationState(h.db.orm, racing.id)).toMatchObject({ periodStart: '2028-01-01', spentCents: 350, resets: [] });
    await runSlot('2028-02-01T00:15:00Z');
    expect(await locationState(h.db.orm, racing.id)).toMatchObject({ periodStart: '2028-02-01', spentCents: 0, resets: [{ periodStart: '2028-02-01', amountCents: -350 }] });
  });
});
