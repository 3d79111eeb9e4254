// API shapes the admin routes return.
import type { IProduct, IProductVariant } from '@cartly/db';
import { profileOf } from '../orders/views.js';

/** Merchants see a customer with the same fields the customer sees of themself. */
export const adminCustomerOf = profileOf;

export function productOf(p: IProduct, variants: IProductVariant[]) {
  return {
    id: p.id,
    title: p.title,
    handle: p.handle,
    description: p.description ?? null,
    status: p.status,
    created_at: p.createdAt.toISOString(),
    variants: variants
      .filter((v) => v.product === p.id)
      .map((v) => ({ id: v.id, title: v.title, sku: v.sku ?? null, price_cents: v.priceCents })),
  };
}
