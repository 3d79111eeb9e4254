import { removeWishlistItemMeta, ZRemoveWishlistItemInput, ZRemoveWishlistItemOutput } from '@cartly/contracts/account';
import { WishlistItem } from '@cartly/db';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';

export const removeWishlistItem = procedure(removeWishlistItemMeta)
  .input(ZRemoveWishlistItemInput)
  .output(ZRemoveWishlistItemOutput)
  .mutation(async ({ ctx, input }) => {
    const removed = await ctx.em.nativeDelete(WishlistItem, { id: input.id, shop: ctx.shopId, customer: ctx.customerId });
    if (removed === 0) throw new AppError('NOT_FOUND', 'wishlist item not found');
    return { ok: true as const };
  });
