import { randomBytes, randomUUID } from 'node:crypto';
import { lockLoyaltyAccount, LoyaltyRedemption, LoyaltyReward, postLoyaltyEntry, type EntityManager, type ILoyaltyRedemption } from '@cartly/db';
import { AppError } from '../errors.js';

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread
const CODE_VALID_DAYS = 30;

/** 100 random bits as `PTS-XXXXX-XXXXX-XXXXX-XXXXX`: unguessable, easy to type. */
export function newDiscountCode(): string {
  const bytes = randomBytes(13);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let chars = '';
  for (let i = 0; i < 20; i++) {
    chars += CODE_ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `PTS-${chars.match(/.{5}/g)!.join('-')}`;
}

/**
 * Spends points on a reward in the caller's transaction. The account row is
 * locked first, so concurrent redemptions queue and each sees the balance the
 * previous one left; the CHECK (balance >= 0) is the backstop.
 */
export async function redeemPoints(
  em: EntityManager,
  where: { shopId: string; customerId: string; rewardId: string },
  now = new Date(),
): Promise<{ redemption: ILoyaltyRedemption; balance: number }> {
  const reward = await em.findOne(LoyaltyReward, { id: where.rewardId, shop: where.shopId, active: true });
  if (!reward) throw new AppError('NOT_FOUND', 'option_id: no such reward');
  const account = await lockLoyaltyAccount(em, where, now);
  if (account.balance < reward.pointsCost) {
    throw new AppError('BUSINESS_RULE', `option_id: the reward costs ${reward.pointsCost} points, the balance is ${account.balance}`, {
      details: { balance: account.balance, points_cost: reward.pointsCost },
    });
  }
  const redemptionId = randomUUID();
  const entry = await postLoyaltyEntry(em, account, {
    kind: 'redeem', status: 'posted', points: -reward.pointsCost, description: `Reward: ${reward.name}`, sourceKey: `redemption:${redemptionId}`,
  }, now);
  const redemption = em.create(LoyaltyRedemption, {
    id: redemptionId,
    shop: where.shopId,
    customer: where.customerId,
    reward: reward.id,
    ledgerEntry: entry!.id,
    pointsSpent: reward.pointsCost,
    code: newDiscountCode(),
    kind: reward.kind,
    amountCents: reward.amountCents ?? null,
    percentage: reward.percentage ?? null,
    minimumSubtotalCents: reward.minimumSubtotalCents ?? null,
    expiresAt: new Date(now.getTime() + CODE_VALID_DAYS * 86_400_000),
  });
  await em.flush();
  return { redemption, balance: account.balance };
}
