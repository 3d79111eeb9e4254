import { z } from 'zod';
import { route } from '../common/route.js';
import { refineRewardValue, rewardFieldsShape, ZReward } from './loyalty-schemas.js';

export const adminCreateRewardMeta = route({
  method: 'POST', path: '/admin/loyalty/rewards', auth: 'admin', scope: 'write_loyalty',
  tags: ['Admin', 'Loyalty'], summary: 'Create a reward customers can buy with points',
});
export const ZAdminCreateRewardInput = z.strictObject(rewardFieldsShape).superRefine(refineRewardValue);
export const ZAdminCreateRewardOutput = ZReward;
