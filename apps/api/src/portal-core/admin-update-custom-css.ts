import { adminUpdateCustomCssMeta, ZAdminUpdateCustomCssInput, ZAdminUpdateCustomCssOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { saveCustomCss } from './custom-css.js';

export const adminUpdateCustomCss = procedure(adminUpdateCustomCssMeta)
  .input(ZAdminUpdateCustomCssInput)
  .output(ZAdminUpdateCustomCssOutput)
  .mutation(({ ctx, input }) => saveCustomCss(ctx.em, ctx.shopId, input.css));
