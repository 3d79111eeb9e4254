import type { BudgetPeriod } from './entities.js';

/*
 * Budget periods start on the first day of a month, quarter or year in the
 * shop's time zone. The API computes them in JS (this file), the reset
 * workflow in SQL (periodStartSql); a test keeps the two equal.
 */

const MONTHS: Record<BudgetPeriod, number> = { monthly: 1, quarterly: 3, yearly: 12 };

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of `instant` in `timeZone`. */
function localYearMonth(instant: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((x) => x.type === type)!.value);
  return { year: get('year'), month: get('month') };
}

const iso = (year: number, month: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;

/** 'YYYY-MM-DD' of the first day of the period that contains `instant` in `timeZone`. */
export function periodStartOf(period: BudgetPeriod, instant: Date, timeZone: string): string {
  const { year, month } = localYearMonth(instant, timeZone);
  const span = MONTHS[period];
  return iso(year, Math.floor((month - 1) / span) * span + 1);
}

/** 'YYYY-MM-DD' of the first day after the period that starts on `start`. */
export function nextPeriodStart(period: BudgetPeriod, start: string): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) + MONTHS[period];
  return month > 12 ? iso(year + Math.floor((month - 1) / 12), ((month - 1) % 12) + 1) : iso(year, month);
}

/**
 * The same rule in SQL, for set-based resets: the period start of the
 * timestamptz `instant` for a row whose period and time zone are the given
 * column expressions. Only trusted column names and placeholders go in.
 */
export function periodStartSql(instant: string, periodColumn: string, timeZoneColumn: string): string {
  return (
    `(date_trunc(case ${periodColumn} when 'monthly' then 'month' when 'quarterly' then 'quarter' else 'year' end, ` +
    `(${instant})::timestamptz at time zone ${timeZoneColumn}))::date`
  );
}
