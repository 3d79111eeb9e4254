import type { RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

export type WishlistItem = RouterOutputs['customer']['listWishlist']['items'][number];

export const listWishlist = (api: Api, cursor?: string) => api.customer.listWishlist.query({ limit: 50, ...(cursor ? { cursor } : {}) });
export const addToWishlist = (api: Api, variantId: string): Promise<WishlistItem> => api.customer.addWishlistItem.mutate({ variant_id: variantId });
export const removeFromWishlist = (api: Api, id: string) => api.customer.removeWishlistItem.mutate({ id });
