import { getCustomCssMeta, ZGetCustomCssInput, ZGetCustomCssOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { loadCustomCss } from './custom-css.js';
import { requireOwnShop } from './own-shop.js';

/**
 * The typed-client face (the widget). The REST face of the same path is the
 * raw route in raw-routes.ts, which adds ETag / 304 on If-None-Match.
 */
export const getCustomCss = procedure(getCustomCssMeta)
  .input(ZGetCustomCssInput)
  .output(ZGetCustomCssOutput)
  .query(async ({ ctx, input }) => {
    requireOwnShop(ctx.shopId, input.id);
    return loadCustomCss(ctx.em, ctx.shopId);
  });
