import { listEarnOptionsMeta, ZListEarnOptionsInput, ZListEarnOptionsOutput } from '@cartly/contracts/portal-core';
import { LoyaltyEarnRule } from '@cartly/db';
import { procedure } from '../trpc.js';
import { earnRuleView } from './loyalty-views.js';

export const listEarnOptions = procedure(listEarnOptionsMeta)
  .input(ZListEarnOptionsInput)
  .output(ZListEarnOptionsOutput)
  .query(async ({ ctx }) => {
    const rules = await ctx.em.find(LoyaltyEarnRule, { shop: ctx.shopId, active: true }, { orderBy: { kind: 'asc' } });
    return { earn_options: rules.map((r) => { const { active: _active, ...view } = earnRuleView(r); return view; }) };
  });
