import { adminGetLoyaltyProgramMeta, ZAdminGetLoyaltyProgramInput, ZAdminGetLoyaltyProgramOutput } from '@cartly/contracts';
import { loyaltyProgramOf } from '@cartly/db';
import { adminProcedure } from '../trpc.js';
import { programView } from './loyalty-views.js';

export const adminGetLoyaltyProgram = adminProcedure
  .meta(adminGetLoyaltyProgramMeta)
  .input(ZAdminGetLoyaltyProgramInput)
  .output(ZAdminGetLoyaltyProgramOutput)
  .query(async ({ ctx }) => programView(await loyaltyProgramOf(ctx.em, ctx.shopId)));
