import { adminUpsertEarnRuleMeta, ZAdminUpsertEarnRuleInput, ZAdminUpsertEarnRuleOutput } from '@cartly/contracts/portal-core';
import { LoyaltyEarnRule, uuidv7 } from '@cartly/db';
import { procedure } from '../trpc.js';
import { earnRuleView } from './loyalty-views.js';

export const adminUpsertEarnRule = procedure(adminUpsertEarnRuleMeta)
  .input(ZAdminUpsertEarnRuleInput)
  .output(ZAdminUpsertEarnRuleOutput)
  .mutation(async ({ ctx, input }) => {
    const now = new Date();
    const fields = { name: input.name, description: input.description ?? null, points: input.points, active: input.active, updatedAt: now };
    // One rule per kind: an upsert on the unique key, so two racing PUTs both end with one row.
    await ctx.em.upsert(
      LoyaltyEarnRule,
      { id: uuidv7(), shop: ctx.shopId, kind: input.kind, createdAt: now, ...fields },
      { onConflictFields: ['shop', 'kind'], onConflictMergeFields: ['name', 'description', 'points', 'active', 'updatedAt'] },
    );
    const rule = await ctx.em.findOneOrFail(LoyaltyEarnRule, { shop: ctx.shopId, kind: input.kind }, { refresh: true });
    return earnRuleView(rule);
  });
