import { z } from 'zod';
import { route } from '../common/route.js';
import { ZLoyaltyName, ZLoyaltyProgram } from './loyalty-schemas.js';

export const adminUpdateLoyaltyProgramMeta = route({
  method: 'PUT', path: '/admin/loyalty/program', auth: 'admin', scope: 'write_loyalty',
  tags: ['Admin', 'Loyalty'], summary: 'Replace the loyalty program\'s point expiry and tiers',
});
export const ZAdminUpdateLoyaltyProgramInput = z.strictObject({
  points_expire_after_days: z.number().int().min(1).max(3650).nullable()
    .describe('Posted points expire after this many days without earning or spending; null = never.'),
  tiers: z.array(z.strictObject({
    name: ZLoyaltyName.describe('Tier name.'),
    min_lifetime_points: z.number().int().min(0).max(1_000_000_000).describe('Lifetime points from which the tier holds.'),
  })).max(20).superRefine((tiers, ctx) => {
    const names = new Set<string>();
    const mins = new Set<number>();
    tiers.forEach((t, i) => {
      if (names.has(t.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `tier ${t.name} is listed twice` });
      if (mins.has(t.min_lifetime_points)) ctx.addIssue({ code: 'custom', path: [i, 'min_lifetime_points'], message: 'two tiers share this threshold' });
      names.add(t.name);
      mins.add(t.min_lifetime_points);
    });
  }).describe('Tiers by lifetime points (at most 20, distinct names and thresholds); stored lowest first.'),
});
export const ZAdminUpdateLoyaltyProgramOutput = ZLoyaltyProgram;
