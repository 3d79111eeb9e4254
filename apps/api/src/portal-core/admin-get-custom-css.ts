import { adminGetCustomCssMeta, ZAdminGetCustomCssInput, ZAdminGetCustomCssOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { loadAdminCustomCss } from './custom-css.js';

export const adminGetCustomCss = adminProcedure
  .meta(adminGetCustomCssMeta)
  .input(ZAdminGetCustomCssInput)
  .output(ZAdminGetCustomCssOutput)
  .query(({ ctx }) => loadAdminCustomCss(ctx.em, ctx.shopId));
