import { listWishlistMeta, ZListWishlistInput, ZListWishlistOutput } from '@cartly/contracts/account';
import { WishlistItem } from '@cartly/db';
import { procedure } from '../trpc.js';
import { findPage } from '../lib/pagination.js';
import { wishlistItemsOf } from './wishlist-views.js';

export const listWishlist = procedure(listWishlistMeta)
  .input(ZListWishlistInput)
  .output(ZListWishlistOutput)
  .query(async ({ ctx, input }) => {
    const page = await findPage(ctx.em, WishlistItem, { shop: ctx.shopId, customer: ctx.customerId }, input);
    return { items: await wishlistItemsOf(ctx.em, ctx.shopId, page.items), next_cursor: page.next_cursor };
  });
