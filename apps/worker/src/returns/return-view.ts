import { readRows, type Reader, type ReturnRejectReason } from '@cartly/db';

/** Everything an email about one return needs, loaded in one place. */
export interface ReturnView {
  request: { amountCents: number; currency: string; decisionNote: string | null; rejectReason: ReturnRejectReason | null; merchantNotifiedAt: string | null; customerNotifiedAt: string | null };
  shop: { name: string; email: string | null };
  customer: { email: string | null; name: string | null };
  orderNumber: number;
  lines: { title: string; quantity: number; reason: string }[];
}

interface Header {
  amount_cents: number;
  currency: string;
  decision_note: string | null;
  reject_reason: ReturnRejectReason | null;
  /** timestamptz: text on the ORM's pool. */
  merchant_notified_at: string | null;
  customer_notified_at: string | null;
  shop_name: string;
  shop_email: string | null;
  customer_email: string | null;
  first_name: string | null;
  last_name: string | null;
  order_number: number;
  /** json: pg parses it; in line id order. */
  lines: { title: string | null; quantity: number; reason: string }[];
}

/**
 * One plain statement (every email of a return loads this, twice per
 * approved return): the request with its shop, customer and order in one
 * join, its lines with their titles aggregated beside them. Every row is the
 * request's shop's; another shop's id finds nothing.
 */
export async function loadReturnView(db: Reader, ref: { returnId: string; shopId: string }): Promise<ReturnView | null> {
  const [header] = await readRows<Header>(
    db,
    `select r.amount_cents, r.currency, r.decision_note, r.reject_reason, r.merchant_notified_at, r.customer_notified_at,
            s.name as shop_name, s.email as shop_email, c.email as customer_email, c.first_name, c.last_name, o.number as order_number,
            coalesce((select json_agg(json_build_object('title', ol.title, 'quantity', l.quantity, 'reason', l.reason) order by l.id)
                        from "return_request_line" l
                        left join "order_line" ol on ol.id = l.order_line_id and ol.shop_id = l.shop_id
                       where l.shop_id = r.shop_id and l.return_request_id = r.id), '[]'::json) as lines
       from "return_request" r
       join "shop" s on s.id = r.shop_id
       join "order" o on o.id = r.order_id and o.shop_id = r.shop_id
       left join "customer" c on c.id = r.customer_id and c.shop_id = r.shop_id
      where r.id = ? and r.shop_id = ?`,
    [ref.returnId, ref.shopId],
  );
  if (!header) return null;
  const name = [header.first_name, header.last_name].filter(Boolean).join(' ');
  return {
    request: {
      amountCents: header.amount_cents, currency: header.currency, decisionNote: header.decision_note,
      rejectReason: header.reject_reason,
      merchantNotifiedAt: header.merchant_notified_at, customerNotifiedAt: header.customer_notified_at,
    },
    shop: { name: header.shop_name, email: header.shop_email },
    customer: { email: header.customer_email, name: name || null },
    orderNumber: header.order_number,
    lines: header.lines.map((l) => ({ title: l.title ?? 'item', quantity: l.quantity, reason: l.reason })),
  };
}
