import type { RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

export type WishlistItem = RouterOutputs['account']['wishlist']['list']['items'][number];

export const listWishlist = (api: Api, cursor?: string) => api.account.wishlist.list.query({ limit: 50, ...(cursor ? { cursor } : {}) });
export const addToWishlist = (api: Api, variantId: string): Promise<WishlistItem> => api.account.wishlist.add.mutate({ variant_id: variantId });
export const removeFromWishlist = (api: Api, id: string) => api.account.wishlist.remove.mutate({ id });
