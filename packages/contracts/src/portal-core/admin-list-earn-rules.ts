import { z } from 'zod';
import { route } from '../common/route.js';
import { ZEarnRule } from './loyalty-schemas.js';

export const adminListEarnRulesMeta = route({
  method: 'GET', path: '/admin/loyalty/earn-rules', auth: 'admin', scope: 'read_loyalty',
  tags: ['Admin', 'Loyalty'], summary: 'The shop\'s earn rules, active or not',
});
export const ZAdminListEarnRulesInput = z.void();
export const ZAdminListEarnRulesOutput = z.object({ earn_rules: z.array(ZEarnRule).describe('At most one rule per kind.') });
