import { adminListProductsMeta, ZAdminListProductsInput, ZAdminListProductsOutput } from '@cartly/contracts/catalog';
import { Product, ProductVariant } from '@cartly/db';
import { procedure } from '../trpc.js';
import { findPage } from '../lib/pagination.js';
import { productOf } from './views.js';

export const adminListProducts = procedure(adminListProductsMeta)
  .input(ZAdminListProductsInput)
  .output(ZAdminListProductsOutput)
  .query(async ({ ctx, input }) => {
    const page = await findPage(ctx.em, Product, { shop: ctx.shopId }, input);
    const variants = page.items.length
      ? await ctx.em.find(ProductVariant, { shop: ctx.shopId, product: { $in: page.items.map((p) => p.id) } }, { orderBy: { id: 'asc' } })
      : [];
    return { items: page.items.map((p) => productOf(p, variants)), next_cursor: page.next_cursor };
  });
