import { type EntityManager, readRows, type Reader } from '@cartly/db';

/*
 * What a Liquid block may see (SPEC §6), as plain JSON and nothing more: the
 * shop; the customer only with a CAT of this shop; the order or return only
 * when its id is passed for its slot and it is that customer's own. Anything
 * else is simply absent, so a block cannot tell a foreign id from a missing one.
 */

export interface LiquidContextWhere {
  shopId: string;
  customerId: string | null;
  orderId?: string;
  returnId?: string;
}

export interface LiquidContext {
  shop: { name: string; currency: string; locale: string };
  customer: { id: string; first_name: string | null; email: string | null; tags: string[] } | null;
  order: Record<string, unknown> | null;
  return: Record<string, unknown> | null;
}

/** The shop's and the customer's columns, as the slot query selects them beside each block. */
export interface ContextColumns {
  shop_name: string;
  shop_currency: string;
  shop_locale: string | null;
  customer_id: string | null;
  customer_first_name: string | null;
  customer_email: string | null;
}

/** SQL for those columns: `s` is the shop, `c` the customer left-joined on the CAT's id (null without one). */
export const CONTEXT_COLUMNS_SQL =
  `s."name" as "shop_name", s."currency" as "shop_currency", s."settings"->>'locale' as "shop_locale", ` +
  `c."id" as "customer_id", c."first_name" as "customer_first_name", c."email" as "customer_email"`;

/** The whole context: shop and customer from the slot query's columns, the order or return loaded only when asked for and owned. */
export async function loadLiquidContext(db: Reader | EntityManager, where: LiquidContextWhere, columns: ContextColumns): Promise<LiquidContext> {
  const [order, ret] = await Promise.all([
    where.customerId && where.orderId ? loadOrder(db, where.shopId, where.customerId, where.orderId) : null,
    where.customerId && where.returnId ? loadReturn(db, where.shopId, where.customerId, where.returnId) : null,
  ]);
  return {
    shop: { name: columns.shop_name, currency: columns.shop_currency, locale: columns.shop_locale ?? 'en' },
    // Customers carry no tags yet; the field is there so templates written against it keep working.
    customer: columns.customer_id
      ? { id: columns.customer_id, first_name: columns.customer_first_name, email: columns.customer_email, tags: [] }
      : null,
    order,
    return: ret,
  };
}

async function loadOrder(db: Reader | EntityManager, shopId: string, customerId: string, orderId: string) {
  const [order] = await readRows<Record<string, unknown>>(
    db,
    `select "id", "number", "currency", "subtotal_cents", "total_cents", "financial_status", "fulfillment_status", "created_at"
       from "order" where "id" = ? and "shop_id" = ? and "customer_id" = ?`,
    [orderId, shopId, customerId],
  );
  if (!order) return null;
  const lines = await readRows<Record<string, unknown>>(
    db,
    `select "title", "sku", "quantity", "unit_price_cents", "fulfilled_quantity" from "order_line"
      where "shop_id" = ? and "order_id" = ? order by "id" limit 100`,
    [shopId, orderId],
  );
  return { ...order, created_at: iso(order.created_at), lines };
}

async function loadReturn(db: Reader | EntityManager, shopId: string, customerId: string, returnId: string) {
  const [ret] = await readRows<Record<string, unknown>>(
    db,
    `select r."id", r."status", r."order_id", o."number" as "order_number", r."amount_cents" as "refund_cents", r."currency", r."created_at"
       from "return_request" r join "order" o on o."id" = r."order_id" and o."shop_id" = r."shop_id"
      where r."id" = ? and r."shop_id" = ? and r."customer_id" = ?`,
    [returnId, shopId, customerId],
  );
  if (!ret) return null;
  const lines = await readRows<Record<string, unknown>>(
    db,
    `select ol."title", l."quantity", l."reason" from "return_request_line" l
       join "order_line" ol on ol."id" = l."order_line_id" and ol."shop_id" = l."shop_id"
      where l."shop_id" = ? and l."return_request_id" = ? order by l."id" limit 100`,
    [shopId, returnId],
  );
  return { ...ret, created_at: iso(ret.created_at), lines };
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
