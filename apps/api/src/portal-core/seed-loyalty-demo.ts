import { LoyaltyEarnRule, LoyaltyReward, type EntityManager } from '@cartly/db';

/** The demo shop's loyalty program: every earn rule and three rewards, so the demo order earns points. */
export async function seedLoyaltyDemo(em: EntityManager, shopId: string): Promise<void> {
  em.create(LoyaltyEarnRule, { shop: shopId, kind: 'per_currency_unit', name: 'Points on every order', description: '1 point per dollar spent', points: 1 });
  em.create(LoyaltyEarnRule, { shop: shopId, kind: 'first_order', name: 'First order bonus', points: 100 });
  em.create(LoyaltyEarnRule, { shop: shopId, kind: 'signup', name: 'Welcome bonus', points: 50 });
  em.create(LoyaltyEarnRule, { shop: shopId, kind: 'birthday', name: 'Birthday treat', points: 200 });
  em.create(LoyaltyReward, { shop: shopId, name: '$5 off', kind: 'fixed_amount_discount', pointsCost: 100, amountCents: 500 });
  em.create(LoyaltyReward, { shop: shopId, name: '10% off', kind: 'percentage_discount', pointsCost: 250, percentage: 10 });
  em.create(LoyaltyReward, { shop: shopId, name: 'Free shipping', kind: 'free_shipping', pointsCost: 150 });
  await em.flush();
}
