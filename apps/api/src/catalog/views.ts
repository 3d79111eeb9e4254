// Response shapes of the catalog.
import type { IProduct, IProductVariant } from '@cartly/db';

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
