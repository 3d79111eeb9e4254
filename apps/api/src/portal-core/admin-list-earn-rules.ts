import { adminListEarnRulesMeta, ZAdminListEarnRulesInput, ZAdminListEarnRulesOutput } from '@cartly/contracts';
import { LoyaltyEarnRule } from '@cartly/db';
import { adminProcedure } from '../trpc.js';
import { earnRuleView } from './loyalty-views.js';

export const adminListEarnRules = adminProcedure
  .meta(adminListEarnRulesMeta)
  .input(ZAdminListEarnRulesInput)
  .output(ZAdminListEarnRulesOutput)
  .query(async ({ ctx }) => ({
    earn_rules: (await ctx.em.find(LoyaltyEarnRule, { shop: ctx.shopId }, { orderBy: { kind: 'asc' } })).map(earnRuleView),
  }));
