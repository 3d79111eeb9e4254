import { adminGetLoyaltyProgramMeta, ZAdminGetLoyaltyProgramInput, ZAdminGetLoyaltyProgramOutput } from '@cartly/contracts/portal-core';
import { loyaltyProgramOf } from '@cartly/db';
import { procedure } from '../trpc.js';
import { programView } from './loyalty-views.js';

export const adminGetLoyaltyProgram = procedure(adminGetLoyaltyProgramMeta)
  .input(ZAdminGetLoyaltyProgramInput)
  .output(ZAdminGetLoyaltyProgramOutput)
  .query(async ({ ctx }) => programView(await loyaltyProgramOf(ctx.em, ctx.shopId)));
