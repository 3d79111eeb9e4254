import { CompanyBudgetEntry, periodStartOf, type EntityManager, type ICompanyLocation } from '@cartly/db';
import { AppError } from '../errors.js';

/*
 * Budget charges. The caller holds the location's row lock (SELECT … FOR
 * UPDATE) for the whole transaction, so concurrent charges queue on it and
 * each sees the spend the previous one committed: the budget cannot be
 * overspent, however many requests race.
 */

/**
 * Brings a locked location into the current period if it rolled over and the
 * scheduled reset has not reached it yet, writing the same `reset` entry the
 * schedule would (one per location and period: the partial unique index).
 */
export function rollOverIfDue(em: EntityManager, location: ICompanyLocation, timeZone: string, now: Date): void {
  const current = periodStartOf(location.budgetPeriod, now, timeZone);
  if (location.periodStart >= current) return;
  if (location.spentCents !== 0) {
    em.create(CompanyBudgetEntry, { shop: location.shop, location: location.id, kind: 'reset', amountCents: -location.spentCents, periodStart: current });
  }
  location.spentCents = 0;
  location.periodStart = current;
}

/** What the locked location can still spend this period. */
export function remainingCents(location: ICompanyLocation): number {
  return Math.max(0, location.budgetAmountCents - location.spentCents);
}

/** Refuses (422, with the remaining amount) a charge the locked location cannot afford. */
export function assertAffordable(location: ICompanyLocation, amountCents: number): void {
  const remaining = remainingCents(location);
  if (amountCents > remaining) {
    throw new AppError(
      'BUSINESS_RULE',
      `over budget: the order costs ${amountCents} but location "${location.name}" has ${remaining} ${location.currency} left this period`,
      { details: { remaining_cents: remaining, required_cents: amountCents, currency: location.currency, period_start: location.periodStart } },
    );
  }
}

/** Charges the locked location for an order: the spend and the ledger move together. */
export function chargeForOrder(em: EntityManager, location: ICompanyLocation, amountCents: number, orderId: string): void {
  assertAffordable(location, amountCents);
  location.spentCents += amountCents;
  em.create(CompanyBudgetEntry, { shop: location.shop, location: location.id, kind: 'charge', amountCents, periodStart: location.periodStart, order: orderId });
}
