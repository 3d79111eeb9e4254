// API shapes the admin routes return.
import type { ICustomer, IProduct, IProductVariant } from '@cartly/db';

export function adminCustomerOf(c: ICustomer) {
  return {
    id: c.id,
    email: c.email ?? null,
    phone: c.phone ?? null,
    first_name: c.firstName ?? null,
    last_name: c.lastName ?? null,
    created_at: c.createdAt.toISOString(),
  };
}

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
