import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/databases.js';
import { nextPeriodStart, periodStartOf, periodStartSql } from './periods.js';
import type { BudgetPeriod } from './entities.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('budget periods', () => {
  test('start on the first day of the month, quarter or year in the shop\'s time zone', () => {
    const instant = new Date('2027-04-01T03:30:00Z');
    expect(periodStartOf('monthly', instant, 'UTC')).toBe('2027-04-01');
    expect(periodStartOf('quarterly', instant, 'UTC')).toBe('2027-04-01');
    expect(periodStartOf('yearly', instant, 'UTC')).toBe('2027-01-01');
    // Still 31 March in New York: the old month and quarter.
    expect(periodStartOf('monthly', instant, 'America/New_York')).toBe('2027-03-01');
    expect(periodStartOf('quarterly', instant, 'America/New_York')).toBe('2027-01-01');
    // Already 1 January in Tokyo while it is 31 December in UTC.
    expect(periodStartOf('yearly', new Date('2026-12-31T16:00:00Z'), 'Asia/Tokyo')).toBe('2027-01-01');
  });

  test('the next period follows across year ends', () => {
    expect(nextPeriodStart('monthly', '2026-12-01')).toBe('2027-01-01');
    expect(nextPeriodStart('quarterly', '2026-10-01')).toBe('2027-01-01');
    expect(nextPeriodStart('quarterly', '2027-04-01')).toBe('2027-07-01');
    expect(nextPeriodStart('yearly', '2027-01-01')).toBe('2028-01-01');
  });

  test('the SQL rule the reset uses agrees with the JS rule the API uses', async () => {
    const zones = ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Adelaide'];
    const periods: BudgetPeriod[] = ['monthly', 'quarterly', 'yearly'];
    const instants = ['2026-12-31T23:59:59Z', '2027-01-01T00:00:00Z', '2027-03-31T18:15:00Z', '2027-06-30T14:30:00Z', '2027-09-30T22:00:00Z'];
    const em = db.orm.em.fork();
    for (const tz of zones) {
      for (const period of periods) {
        for (const at of instants) {
          const [row] = await em.execute<{ start: string }[]>(`select to_char(${periodStartSql('?', '?', '?')}, 'YYYY-MM-DD') as start`, [period, at, tz]); // placeholders in SQL order
          expect(row!.start, `${period} ${at} ${tz}`).toBe(periodStartOf(period, new Date(at), tz));
        }
      }
    }
  });
});
