import { z } from 'zod';
import { route } from '../common/route.js';
import { ZReward } from './loyalty-schemas.js';

export const adminListRewardsMeta = route({
  method: 'GET', path: '/admin/loyalty/rewards', auth: 'admin', scope: 'read_loyalty',
  tags: ['Admin', 'Loyalty'], summary: 'The shop\'s rewards, active or not, cheapest first',
});
export const ZAdminListRewardsInput = z.void();
export const ZAdminListRewardsOutput = z.object({ rewards: z.array(ZReward) });
