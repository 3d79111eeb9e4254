import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZPoints, ZRedemption } from './loyalty-schemas.js';

export const redeemRewardMeta = route({
  method: 'POST', path: '/subscriptions/cp/api/loyalty-integration/redeem', auth: 'customer',
  tags: ['Portal core', 'Loyalty'], summary: 'Spend points on a reward; issues a unique discount code valid 30 days',
  description:
    'Deducts the points atomically: concurrent redemptions queue on the account and can never take the balance below ' +
    'zero. A balance that does not cover the reward answers 422; an unknown, inactive or other shop\'s reward 404.',
  errors: [404, 422],
});
export const ZRedeemRewardInput = z.strictObject({
  option_id: ZId.describe('The reward to redeem (an id from redeem-options).'),
});
export const ZRedeemRewardOutput = z.object({
  redemption: ZRedemption,
  balance: ZPoints.describe('Spendable points left.'),
});
