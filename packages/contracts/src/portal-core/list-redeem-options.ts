import { z } from 'zod';
import { route } from '../common/route.js';
import { ZPoints, ZReward } from './loyalty-schemas.js';

export const listRedeemOptionsMeta = route({
  method: 'GET', path: '/subscriptions/cp/api/loyalty-integration/redeem-options', auth: 'customer',
  tags: ['Portal core', 'Loyalty'], summary: 'Active rewards, cheapest first, each with whether the customer can afford it',
});
export const ZListRedeemOptionsInput = z.void();
export const ZListRedeemOptionsOutput = z.object({
  balance: ZPoints.describe('The customer\'s spendable points.'),
  redeem_options: z.array(
    ZReward.omit({ active: true }).extend({ can_afford: z.boolean().describe('Whether the balance covers `points_cost`.') }),
  ).describe('Active rewards.'),
});
