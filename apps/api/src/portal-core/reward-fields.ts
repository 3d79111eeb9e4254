import type { z } from 'zod';
import type { ZAdminCreateRewardInput } from '@cartly/contracts/portal-core';

/** The entity fields of a reward from its admin input. */
export function rewardFields(input: z.infer<typeof ZAdminCreateRewardInput>) {
  return {
    name: input.name,
    description: input.description ?? null,
    kind: input.kind,
    pointsCost: input.points_cost,
    amountCents: input.amount_cents ?? null,
    percentage: input.percentage ?? null,
    minimumSubtotalCents: input.minimum_subtotal_cents ?? null,
    active: input.active,
  };
}
