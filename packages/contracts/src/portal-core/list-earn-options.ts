import { z } from 'zod';
import { route } from '../common/route.js';
import { ZEarnRule } from './loyalty-schemas.js';

export const listEarnOptionsMeta = route({
  method: 'GET', path: '/subscriptions/cp/api/loyalty-integration/earn-options', auth: 'customer',
  tags: ['Portal core', 'Loyalty'], summary: 'The shop\'s active ways to earn points',
});
export const ZListEarnOptionsInput = z.void();
export const ZListEarnOptionsOutput = z.object({
  earn_options: z.array(ZEarnRule.omit({ active: true })).describe('Active earn rules.'),
});
