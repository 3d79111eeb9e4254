import { adminUpdateCustomCssMeta, ZAdminUpdateCustomCssInput, ZAdminUpdateCustomCssOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { saveCustomCss } from './custom-css.js';

export const adminUpdateCustomCss = adminProcedure
  .meta(adminUpdateCustomCssMeta)
  .input(ZAdminUpdateCustomCssInput)
  .output(ZAdminUpdateCustomCssOutput)
  .mutation(({ ctx, input }) => saveCustomCss(ctx.em, ctx.shopId, input.css));
