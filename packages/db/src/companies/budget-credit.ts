import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { poolTransaction, readRows, type Reader } from '../lib/read-rows.js';

type RefundCredit = { shopId: string; orderId: string; amountCents: number; idempotencyKey: string };
const NONE = { creditedCents: 0 };

/*
 * A refunded company order gives its budget back, once per refund. The
 * location row is locked first and everything else is read after the lock,
 * so concurrent refunds of one order queue and each sees what the previous
 * one credited (never more than the order was charged). The idempotency key
 * (the refund's own payment key) is unique per shop among ledger entries, so
 * a retried refund credits nothing twice. A period that has closed stays as
 * it was spent: only a refund in the charge's own period moves `spent_cents`,
 * keeping it equal to the ledger's running sum.
 */
export async function creditCompanyRefund(
  db: Reader | EntityManager,
  r: RefundCredit,
): Promise<{ creditedCents: number }> {
  const locationId = await companyLocationOf(db, r);
  return locationId ? creditLocation(db, locationId, r) : NONE;
}

/** The company location a refund's order was charged to, if it is a company's order with something to give back. */
async function companyLocationOf(db: Reader | EntityManager, r: RefundCredit): Promise<string | undefined> {
  if (r.amountCents <= 0) return undefined;
  const [link] = await readRows<{ location_id: string }>(db,
    'select location_id from company_order where shop_id = ? and order_id = ?', [r.shopId, r.orderId]);
  return link?.location_id;
}

/** The credit itself, on the location's locked row (a transaction's reader). */
async function creditLocation(db: Reader | EntityManager, locationId: string, r: RefundCredit): Promise<{ creditedCents: number }> {
  const [location] = await readRows<{ spent_cents: number; period_start: string }>(db,
    `select spent_cents, to_char(period_start, 'YYYY-MM-DD') as period_start from company_location where shop_id = ? and id = ? for update`,
    [r.shopId, locationId]);
  const [ledger] = await readRows<{ charged: number | null; period_start: string | null; refunded: number }>(db,
    `select max(amount_cents) filter (where kind = 'charge')::int as charged,
            to_char(max(period_start) filter (where kind = 'charge'), 'YYYY-MM-DD') as period_start,
            coalesce(-sum(amount_cents) filter (where kind = 'refund'), 0)::int as refunded
       from company_budget_entry where shop_id = ? and order_id = ?`,
    [r.shopId, r.orderId]);
  if (!location || !ledger?.charged || ledger.period_start !== location.period_start) return NONE;
  const credit = Math.min(r.amountCents, ledger.charged - ledger.refunded);
  if (credit <= 0) return NONE;
  const inserted = await readRows<{ id: string }>(db,
    `insert into company_budget_entry (id, shop_id, location_id, kind, amount_cents, period_start, order_id, idempotency_key, created_at)
     values (gen_random_uuid(), ?, ?, 'refund', ?, ?, ?, ?, now()) on conflict do nothing returning id`,
    [r.shopId, locationId, -credit, location.period_start, r.orderId, r.idempotencyKey]);
  if (inserted.length === 0) return NONE;
  await readRows(db,
    'update company_location set spent_cents = greatest(0, spent_cents - ?), updated_at = now() where shop_id = ? and id = ?',
    [credit, r.shopId, locationId]);
  return { creditedCents: credit };
}

/**
 * creditCompanyRefund in a transaction of its own on the ORM's pool, opened
 * only for a company's order (most orders are not). `locationId` is the
 * order's company location as the caller read it with its own statement
 * (`company_order.location_id`; null for an order no company placed): the
 * link of an order to its company never changes, so it may be read outside.
 */
export async function creditCompanyRefundOnPool(
  orm: MikroORM,
  locationId: string | null,
  r: RefundCredit,
): Promise<{ creditedCents: number }> {
  return locationId && r.amountCents > 0 ? poolTransaction(orm, (tx) => creditLocation(tx, locationId, r)) : NONE;
}
