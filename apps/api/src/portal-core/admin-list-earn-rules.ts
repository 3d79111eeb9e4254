import { adminListEarnRulesMeta, ZAdminListEarnRulesInput, ZAdminListEarnRulesOutput } from '@cartly/contracts/portal-core';
import { LoyaltyEarnRule } from '@cartly/db';
import { procedure } from '../trpc.js';
import { earnRuleView } from './loyalty-views.js';

export const adminListEarnRules = procedure(adminListEarnRulesMeta)
  .input(ZAdminListEarnRulesInput)
  .output(ZAdminListEarnRulesOutput)
  .query(async ({ ctx }) => ({
    earn_rules: (await ctx.em.find(LoyaltyEarnRule, { shop: ctx.shopId }, { orderBy: { kind: 'asc' } })).map(earnRuleView),
  }));
