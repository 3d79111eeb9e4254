import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '../ids.js';
import { Order } from '../orders/orders.js';
import {
  LoyaltyAccount, LoyaltyEarnRule, LoyaltyLedgerEntry, LoyaltyProgram,
  type ILoyaltyAccount, type ILoyaltyEarnRule, type LoyaltyEarnKind, type LoyaltyEntryKind, type LoyaltyEntryStatus, type LoyaltyTier,
} from './loyalty.js';

/*
 * The loyalty ledger's rules, shared by the API (orders, redemptions, admin
 * adjustments) and the payments ledger (refunds), so every path that moves
 * points does it the same way: under a row lock on the customer's account, in
 * the caller's transaction, once per source key.
 */

export const LOYALTY_DEFAULT_TIERS: LoyaltyTier[] = [
  { name: 'Bronze', minLifetimePoints: 0 },
  { name: 'Silver', minLifetimePoints: 500 },
  { name: 'Gold', minLifetimePoints: 2000 },
];

export interface LoyaltyProgramView {
  pointsExpireAfterDays: number | null;
  tiers: LoyaltyTier[];
}

export async function loyaltyProgramOf(em: EntityManager, shopId: string): Promise<LoyaltyProgramView> {
  const row = await em.findOne(LoyaltyProgram, { shop: shopId });
  return row
    ? { pointsExpireAfterDays: row.pointsExpireAfterDays ?? null, tiers: row.tiers }
    : { pointsExpireAfterDays: null, tiers: LOYALTY_DEFAULT_TIERS };
}

/** The highest tier whose threshold the lifetime points reach. */
export function tierFor(tiers: readonly LoyaltyTier[], lifetime: number): LoyaltyTier | null {
  let best: LoyaltyTier | null = null;
  for (const t of tiers) if (lifetime >= t.minLifetimePoints && (!best || t.minLifetimePoints >= best.minLifetimePoints)) best = t;
  return best;
}

/** When the account's posted points expire, or null when they do not. */
export function pointsExpireAt(account: Pick<ILoyaltyAccount, 'lastActivityAt' | 'balance'>, program: LoyaltyProgramView): Date | null {
  if (program.pointsExpireAfterDays === null || account.balance <= 0) return null;
  return new Date(account.lastActivityAt.getTime() + program.pointsExpireAfterDays * 86_400_000);
}

async function activeRule(em: EntityManager, shopId: string, kind: LoyaltyEarnKind): Promise<ILoyaltyEarnRule | null> {
  return em.findOne(LoyaltyEarnRule, { shop: shopId, kind, active: true });
}

export interface NewEntry {
  kind: LoyaltyEntryKind;
  status: LoyaltyEntryStatus;
  points: number;
  description: string;
  sourceKey: string;
  orderId?: string | null;
}

/**
 * Writes one entry and moves the account's totals with it; an entry whose
 * source key exists already changes nothing (retries, replays). The account
 * must be locked by the caller (lockLoyaltyAccount). Returns null when skipped.
 */
export async function postLoyaltyEntry(em: EntityManager, account: ILoyaltyAccount, entry: NewEntry, now = new Date()) {
  if (entry.points === 0) return null;
  const existing = await em.findOne(LoyaltyLedgerEntry, { shop: account.shop, sourceKey: entry.sourceKey }, { fields: ['id'] });
  if (existing) return null;
  const row = em.create(LoyaltyLedgerEntry, {
    shop: account.shop,
    customer: account.customer,
    kind: entry.kind,
    status: entry.status,
    points: entry.points,
    description: entry.description,
    sourceKey: entry.sourceKey,
    order: entry.orderId ?? null,
  });
  if (entry.status === 'pending') {
    account.pending += entry.points;
  } else {
    account.balance += entry.points;
    if (entry.kind === 'earn' || entry.kind === 'reverse' || entry.kind === 'adjust') account.lifetime = Math.max(0, account.lifetime + entry.points);
    account.lastActivityAt = now;
  }
  await em.flush();
  return row;
}

/**
 * The customer's account, created on first use (joining pays the sign-up
 * rule once), locked FOR UPDATE until the caller's transaction ends. Expired
 * points are taken out and a due birthday bonus is paid before anything else
 * reads the balance.
 */
export async function lockLoyaltyAccount(em: EntityManager, where: { shopId: string; customerId: string }, now = new Date()): Promise<ILoyaltyAccount> {
  const created = await em.execute<{ id: string }[]>(
    `insert into "loyalty_account" ("id", "shop_id", "customer_id", "balance", "pending", "lifetime", "last_activity_at", "created_at", "updated_at")
     values (?, ?, ?, 0, 0, 0, ?, ?, ?) on conflict ("shop_id", "customer_id") do nothing returning "id"`,
    [uuidv7(), where.shopId, where.customerId, now, now, now],
  );
  const account = await em.findOneOrFail(
    LoyaltyAccount,
    { shop: where.shopId, customer: where.customerId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (created.length > 0) {
    const signup = await activeRule(em, where.shopId, 'signup');
    if (signup) {
      await postLoyaltyEntry(em, account, {
        kind: 'earn', status: 'posted', points: signup.points, description: signup.name, sourceKey: `signup:${where.customerId}`,
      }, now);
    }
  }
  await expireIfDue(em, account, await loyaltyProgramOf(em, where.shopId), now);
  await payBirthdayIfDue(em, account, now);
  return account;
}

async function expireIfDue(em: EntityManager, account: ILoyaltyAccount, program: LoyaltyProgramView, now: Date): Promise<void> {
  const expiresAt = pointsExpireAt(account, program);
  if (!expiresAt || expiresAt > now) return;
  await postLoyaltyEntry(em, account, {
    kind: 'expire', status: 'posted', points: -account.balance,
    description: `Points expired after ${program.pointsExpireAfterDays} days without activity`,
    sourceKey: `expire:${account.customer}:${expiresAt.toISOString()}`,
  }, now);
}

/** Once per calendar year (UTC), on or after the birthday; 29 February counts as 28 February elsewhere. */
export async function payBirthdayIfDue(em: EntityManager, account: ILoyaltyAccount, now = new Date()): Promise<void> {
  if (!account.birthDate) return;
  const [, month, day] = account.birthDate.split('-').map(Number) as [number, number, number];
  const year = now.getUTCFullYear();
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const birthday = Date.UTC(year, month - 1, Math.min(day, lastDay));
  if (now.getTime() < birthday) return;
  const rule = await activeRule(em, account.shop, 'birthday');
  if (!rule) return;
  await postLoyaltyEntry(em, account, {
    kind: 'earn', status: 'posted', points: rule.points, description: rule.name, sourceKey: `birthday:${account.customer}:${year}`,
  }, now);
}

/** Whole currency units of an amount in minor units (every shop currency has two decimals today). */
function currencyUnits(cents: number): number {
  return Math.floor(cents / 100);
}

/**
 * A paid order earns the purchase rule's points and, for the customer's
 * first order ever, the first-order bonus; both stay pending until the order
 * is fulfilled. Called by the orders code in the order's transaction.
 */
export async function loyaltyOnOrderPaid(em: EntityManager, where: { shopId: string; orderId: string }, now = new Date()): Promise<void> {
  const order = await em.findOneOrFail(Order, { id: where.orderId, shop: where.shopId });
  const [purchase, firstOrder] = [await activeRule(em, where.shopId, 'per_currency_unit'), await activeRule(em, where.shopId, 'first_order')];
  if (!purchase && !firstOrder) return;
  const account = await lockLoyaltyAccount(em, { shopId: where.shopId, customerId: order.customer }, now);
  const status: LoyaltyEntryStatus = order.fulfillmentStatus === 'fulfilled' ? 'posted' : 'pending';
  if (purchase) {
    await postLoyaltyEntry(em, account, {
      kind: 'earn', status, points: currencyUnits(order.paidCents) * purchase.points,
      description: `Order #${order.number}`, sourceKey: `order:${order.id}:purchase`, orderId: order.id,
    }, now);
  }
  if (firstOrder && (await em.count(Order, { shop: where.shopId, customer: order.customer })) === 1) {
    await postLoyaltyEntry(em, account, {
      kind: 'earn', status, points: firstOrder.points,
      description: `${firstOrder.name} (order #${order.number})`, sourceKey: `first_order:${order.customer}`, orderId: order.id,
    }, now);
  }
}

/** Once the order is wholly fulfilled its pending entries post: pending moves to the balance. */
export async function loyaltyOnOrderFulfilled(em: EntityManager, where: { shopId: string; orderId: string }, now = new Date()): Promise<void> {
  const order = await em.findOneOrFail(Order, { id: where.orderId, shop: where.shopId });
  if (order.fulfillmentStatus !== 'fulfilled') return;
  const pending = await em.find(LoyaltyLedgerEntry, { shop: where.shopId, order: order.id, status: 'pending' });
  if (pending.length === 0) return;
  const account = await lockLoyaltyAccount(em, { shopId: where.shopId, customerId: order.customer }, now);
  // Re-read under the lock: a concurrent fulfilment may have posted them.
  const still = await em.find(LoyaltyLedgerEntry, { shop: where.shopId, order: order.id, status: 'pending' }, { refresh: true });
  const net = still.reduce((s, e) => s + e.points, 0);
  for (const e of still) e.status = 'posted';
  account.pending -= net;
  account.balance += net;
  account.lifetime = Math.max(0, account.lifetime + net);
  account.lastActivityAt = now;
  await em.flush();
}

/**
 * A refund takes back the points its order earned, in proportion (all of
 * them, first-order bonus included, once the order is wholly refunded).
 * Pending points are reduced while the order is unfulfilled; posted points
 * come off the balance, but never below zero (points already spent stay
 * spent). Called by the payments ledger in the refund's transaction, once per
 * refund id.
 */
export async function loyaltyOnRefund(
  em: EntityManager,
  where: { shopId: string; orderId: string; refundId: string },
  now = new Date(),
): Promise<void> {
  const order = await em.findOneOrFail(Order, { id: where.orderId, shop: where.shopId });
  const entries = await em.find(LoyaltyLedgerEntry, { shop: where.shopId, order: order.id, kind: { $in: ['earn', 'reverse'] } });
  const earned = entries.filter((e) => e.kind === 'earn').reduce((s, e) => s + e.points, 0);
  if (earned <= 0 || order.paidCents <= 0) return;
  const purchase = entries.filter((e) => e.sourceKey === `order:${order.id}:purchase`).reduce((s, e) => s + e.points, 0);
  const alreadyReversed = -entries.filter((e) => e.kind === 'reverse').reduce((s, e) => s + e.points, 0);
  const target = order.refundedCents >= order.paidCents
    ? earned
    : Math.floor((purchase * order.refundedCents) / order.paidCents);
  const account = await lockLoyaltyAccount(em, { shopId: where.shopId, customerId: order.customer }, now);
  const posted = entries.some((e) => e.kind === 'earn' && e.status === 'posted');
  const available = posted ? account.balance : account.pending;
  const points = Math.min(Math.max(0, target - alreadyReversed), available);
  await postLoyaltyEntry(em, account, {
    kind: 'reverse', status: posted ? 'posted' : 'pending', points: -points,
    description: `Refund on order #${order.number}`, sourceKey: `refund:${where.refundId}`, orderId: order.id,
  }, now);
}
