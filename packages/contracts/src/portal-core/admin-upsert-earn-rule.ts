import { z } from 'zod';
import { route } from '../common/route.js';
import { ZEarnRule, ZEarnRuleKind, ZLoyaltyDescription, ZLoyaltyName } from './loyalty-schemas.js';

export const adminUpsertEarnRuleMeta = route({
  method: 'PUT', path: '/admin/loyalty/earn-rules/{kind}', auth: 'admin', scope: 'write_loyalty',
  tags: ['Admin', 'Loyalty'], summary: 'Create or replace the earn rule of one kind',
  description: 'Changes apply to events from now on; points already earned stay as they are.',
});
export const ZAdminUpsertEarnRuleInput = z.strictObject({
  kind: ZEarnRuleKind,
  name: ZLoyaltyName.describe('Shown to customers.'),
  description: ZLoyaltyDescription.nullable().optional().describe('Longer explanation for customers.'),
  points: z.number().int().min(0).max(1_000_000).describe('For `per_currency_unit`: points per whole currency unit; otherwise the bonus.'),
  active: z.boolean().default(true).describe('Whether the rule earns points (default true).'),
});
export const ZAdminUpsertEarnRuleOutput = ZEarnRule;
