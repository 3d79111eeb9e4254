import { adminGetCustomCssMeta, ZAdminGetCustomCssInput, ZAdminGetCustomCssOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { loadAdminCustomCss } from './custom-css.js';

export const adminGetCustomCss = procedure(adminGetCustomCssMeta)
  .input(ZAdminGetCustomCssInput)
  .output(ZAdminGetCustomCssOutput)
  .query(({ ctx }) => loadAdminCustomCss(ctx.em, ctx.shopId));
