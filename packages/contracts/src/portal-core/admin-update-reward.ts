import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { refineRewardValue, rewardFieldsShape, ZReward } from './loyalty-schemas.js';

export const adminUpdateRewardMeta = route({
  method: 'PUT', path: '/admin/loyalty/rewards/{id}', auth: 'admin', scope: 'write_loyalty',
  tags: ['Admin', 'Loyalty'], summary: 'Replace a reward; codes already issued keep their terms',
  errors: [404],
});
export const ZAdminUpdateRewardInput = z.strictObject({ id: ZId, ...rewardFieldsShape }).superRefine(refineRewardValue);
export const ZAdminUpdateRewardOutput = ZReward;
