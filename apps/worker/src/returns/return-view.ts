import { readRows, ReturnRequest, type EntityManager, type IReturnRequest } from '@cartly/db';

/** Everything an email about one return needs, loaded in one place. */
export interface ReturnView {
  request: IReturnRequest;
  shop: { name: string; email: string | null };
  customer: { email: string | null; name: string | null };
  orderNumber: number;
  lines: { title: string; quantity: number; reason: string }[];
}

interface Header {
  shop_name: string;
  shop_email: string | null;
  customer_email: string | null;
  first_name: string | null;
  last_name: string | null;
  order_number: number;
}

/**
 * Two statements besides the request itself (every email of a return loads
 * this, twice per approved return): its shop, customer and order in one join,
 * and its lines with their titles in another. Every row is the request's shop's.
 */
export async function loadReturnView(em: EntityManager, ref: { returnId: string; shopId: string }): Promise<ReturnView | null> {
  const request = await em.findOne(ReturnRequest, { id: ref.returnId, shop: ref.shopId });
  if (!request) return null;
  const [header] = await readRows<Header>(
    em,
    `select s.name as shop_name, s.email as shop_email, c.email as customer_email, c.first_name, c.last_name, o.number as order_number
       from "shop" s
       join "order" o on o.id = ? and o.shop_id = s.id
       left join "customer" c on c.id = ? and c.shop_id = s.id
      where s.id = ?`,
    [request.order, request.customer, ref.shopId],
  );
  if (!header) throw new Error(`return ${ref.returnId}: its shop or order is missing`);
  const lines = await readRows<{ title: string | null; quantity: number; reason: string }>(
    em,
    `select ol.title, l.quantity, l.reason
       from "return_request_line" l
       left join "order_line" ol on ol.id = l.order_line_id and ol.shop_id = l.shop_id
      where l.shop_id = ? and l.return_request_id = ?
      order by l.id asc`,
    [ref.shopId, request.id],
  );
  const name = [header.first_name, header.last_name].filter(Boolean).join(' ');
  return {
    request,
    shop: { name: header.shop_name, email: header.shop_email },
    customer: { email: header.customer_email, name: name || null },
    orderNumber: header.order_number,
    lines: lines.map((l) => ({ title: l.title ?? 'item', quantity: l.quantity, reason: l.reason })),
  };
}
