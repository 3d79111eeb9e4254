import { listWishlistMeta, ZListWishlistInput, ZListWishlistOutput } from '@cartly/contracts/account';
import { WishlistItem } from '@cartly/db';
import { procedure } from '../trpc.js';
import { afterCursor, toPage } from '../lib/pagination.js';
import { wishlistItemsOf } from './wishlist-views.js';

export const listWishlist = procedure(listWishlistMeta)
  .input(ZListWishlistInput)
  .output(ZListWishlistOutput)
  .query(async ({ ctx, input }) => {
    const rows = await ctx.em.find(
      WishlistItem,
      { shop: ctx.shopId, customer: ctx.customerId, ...afterCursor(input, 'desc') },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    const page = toPage(rows, input, (r) => r);
    return { items: await wishlistItemsOf(ctx.em, ctx.shopId, page.items), next_cursor: page.next_cursor };
  });
