import { addWishlistItemMeta, ZAddWishlistItemInput, ZAddWishlistItemOutput } from '@cartly/contracts/account';
import { ProductVariant, WishlistItem } from '@cartly/db';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { wishlistItemsOf } from './wishlist-views.js';

export const addWishlistItem = procedure(addWishlistItemMeta)
  .input(ZAddWishlistItemInput)
  .output(ZAddWishlistItemOutput)
  .mutation(async ({ ctx, input }) => {
    const variant = await ctx.em.findOne(ProductVariant, { id: input.variant_id, shop: ctx.shopId });
    if (!variant) throw new AppError('NOT_FOUND', 'variant_id: no such product variant');
    const existing = await ctx.em.count(WishlistItem, { shop: ctx.shopId, customer: ctx.customerId, variant: variant.id });
    if (existing) throw new AppError('CONFLICT', 'variant_id: this variant is already on the wishlist');
    const item = ctx.em.create(WishlistItem, { shop: ctx.shopId, customer: ctx.customerId, variant: variant.id });
    await ctx.em.flush();
    const [dto] = await wishlistItemsOf(ctx.em, ctx.shopId, [item]);
    return dto!;
  });
