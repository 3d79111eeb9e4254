import { uuidv7, type EntityManager, type StoredRestockLine } from '@cartly/db';

/**
 * Puts units back on hand, one atomic upsert per variant (concurrent restocks
 * add up, never overwrite). A variant counted for the first time gets its row.
 * Lines whose variant was deleted have nothing to restock.
 */
export async function restockVariants(em: EntityManager, shopId: string, lines: StoredRestockLine[]): Promise<void> {
  const byVariant = new Map<string, number>();
  for (const l of lines) if (l.variantId) byVariant.set(l.variantId, (byVariant.get(l.variantId) ?? 0) + l.quantity);
  for (const [variantId, quantity] of byVariant) {
    await em.execute(
      `insert into "inventory_level" ("id", "shop_id", "variant_id", "available", "updated_at") values (?, ?, ?, ?, now())
       on conflict ("shop_id", "variant_id") do update set "available" = "inventory_level"."available" + excluded."available", "updated_at" = now()`,
      [uuidv7(), shopId, variantId, quantity],
    );
  }
}
