import type { WishlistItem as WishlistItemDto } from '@cartly/contracts/account';
import { ProductVariant, Product, type EntityManager, type IWishlistItem } from '@cartly/db';

/** Joins wishlist rows with their variants and products in two queries. */
export async function wishlistItemsOf(em: EntityManager, shopId: string, rows: IWishlistItem[]): Promise<WishlistItemDto[]> {
  if (rows.length === 0) return [];
  const variants = await em.find(ProductVariant, { shop: shopId, id: { $in: rows.map((r) => r.variant) } });
  const products = await em.find(Product, { shop: shopId, id: { $in: [...new Set(variants.map((v) => v.product))] } });
  const variantById = new Map(variants.map((v) => [v.id, v]));
  const productById = new Map(products.map((p) => [p.id, p]));
  return rows.map((r) => {
    const v = variantById.get(r.variant)!;
    const p = productById.get(v.product)!;
    return {
      id: r.id,
      variant_id: v.id,
      product_id: p.id,
      product_title: p.title,
      variant_title: v.title,
      price_cents: v.priceCents,
      created_at: r.createdAt.toISOString(),
    };
  });
}
