import {
  Customer, LoyaltyLedgerEntry, LoyaltyRedemption, lockLoyaltyAccount, loyaltyProgramOf, payBirthdayIfDue, pointsExpireAt, tierFor,
  type EntityManager, type ILoyaltyAccount, type ILoyaltyEarnRule, type ILoyaltyRedemption, type ILoyaltyReward, type LoyaltyProgramView,
} from '@cartly/db';
import type { z } from 'zod';
import type { ZEarnRule, ZLoyaltyAccount, ZLoyaltyProgram, ZRedemption, ZReward } from '@cartly/contracts/portal-core';
import { AppError } from '../errors.js';

type LoyaltyAccountView = z.infer<typeof ZLoyaltyAccount>;

export function programView(p: LoyaltyProgramView): z.infer<typeof ZLoyaltyProgram> {
  return {
    points_expire_after_days: p.pointsExpireAfterDays,
    tiers: [...p.tiers].sort((a, b) => a.minLifetimePoints - b.minLifetimePoints).map((t) => ({ name: t.name, min_lifetime_points: t.minLifetimePoints })),
  };
}

export function earnRuleView(r: ILoyaltyEarnRule): z.infer<typeof ZEarnRule> {
  return { id: r.id, kind: r.kind, name: r.name, description: r.description ?? null, points: r.points, active: r.active };
}

export function rewardView(r: ILoyaltyReward): z.infer<typeof ZReward> {
  return {
    id: r.id, name: r.name, description: r.description ?? null, kind: r.kind, points_cost: r.pointsCost,
    amount_cents: r.amountCents ?? null, percentage: r.percentage ?? null, minimum_subtotal_cents: r.minimumSubtotalCents ?? null, active: r.active,
  };
}

export function redemptionView(r: ILoyaltyRedemption): z.infer<typeof ZRedemption> {
  return {
    id: r.id, reward_id: r.reward, kind: r.kind, points_spent: r.pointsSpent, code: r.code,
    amount_cents: r.amountCents ?? null, percentage: r.percentage ?? null, minimum_subtotal_cents: r.minimumSubtotalCents ?? null,
    expires_at: r.expiresAt.toISOString(), created_at: r.createdAt.toISOString(),
  };
}

async function accountView(em: EntityManager, account: ILoyaltyAccount): Promise<LoyaltyAccountView> {
  const program = await loyaltyProgramOf(em, account.shop);
  const where = { shop: account.shop, customer: account.customer };
  const history = await em.find(LoyaltyLedgerEntry, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 50 });
  const redemptions = await em.find(LoyaltyRedemption, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 20 });
  const tier = tierFor(program.tiers, account.lifetime);
  const next = [...program.tiers]
    .filter((t) => t.minLifetimePoints > account.lifetime)
    .sort((a, b) => a.minLifetimePoints - b.minLifetimePoints)[0];
  const expiresAt = pointsExpireAt(account, program);
  return {
    customer_id: account.customer,
    balance: account.balance,
    pending: account.pending,
    lifetime_points: account.lifetime,
    tier: tier ? { name: tier.name, min_lifetime_points: tier.minLifetimePoints } : null,
    next_tier: next ? { name: next.name, points_needed: next.minLifetimePoints - account.lifetime } : null,
    points_expire_at: expiresAt?.toISOString() ?? null,
    birth_date: account.birthDate ?? null,
    history: history.map((e) => ({
      id: e.id, kind: e.kind, status: e.status, points: e.points, description: e.description,
      order_id: e.order ?? null, created_at: e.createdAt.toISOString(),
    })),
    redemptions: redemptions.map(redemptionView),
  };
}

/**
 * The customer's account as the portal shows it. Opening it can write (the
 * account row, a sign-up or birthday bonus, an expiry), so it runs in a
 * transaction of its own when the caller has none (GET routes).
 */
export async function loyaltyAccountView(
  em: EntityManager,
  where: { shopId: string; customerId: string },
  change?: (account: ILoyaltyAccount, em: EntityManager) => Promise<void>,
): Promise<LoyaltyAccountView> {
  return em.transactional(async (tx) => {
    const account = await lockLoyaltyAccount(tx, where);
    if (change) {
      await change(account, tx);
      // A birth date just set may already be due this year.
      await payBirthdayIfDue(tx, account);
    }
    await tx.flush();
    return accountView(tx, account);
  });
}

/** 404 unless the customer belongs to the shop. */
export async function requireShopCustomer(em: EntityManager, where: { shopId: string; customerId: string }): Promise<void> {
  const found = await em.findOne(Customer, { id: where.customerId, shop: where.shopId }, { fields: ['id'] });
  if (!found) throw new AppError('NOT_FOUND', 'customer not found');
}
