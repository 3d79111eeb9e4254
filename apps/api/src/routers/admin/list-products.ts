import { listProductsMeta, ZListProductsInput, ZListProductsOutput } from '@cartly/contracts';
import { Product, ProductVariant } from '@cartly/db';
import { adminProcedure } from '../../trpc.js';
import { afterCursor, toPage } from '../pagination.js';
import { productOf } from '../../serializers/admin.js';

export const listProducts = adminProcedure
  .meta(listProductsMeta)
  .input(ZListProductsInput)
  .output(ZListProductsOutput)
  .query(async ({ ctx, input }) => {
    const rows = await ctx.em.find(
      Product,
      { shop: ctx.shopId, ...afterCursor(input, 'desc') },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    const page = toPage(rows, input, (p) => p);
    const variants = page.items.length
      ? await ctx.em.find(ProductVariant, { shop: ctx.shopId, product: { $in: page.items.map((p) => p.id) } }, { orderBy: { id: 'asc' } })
      : [];
    return { items: page.items.map((p) => productOf(p, variants)), next_cursor: page.next_cursor };
  });
