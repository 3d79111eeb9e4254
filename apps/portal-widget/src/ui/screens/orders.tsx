import { useState } from 'preact/hooks';
import { listOrders, type OrderSummary } from '../../api/orders.js';
import { usePortal } from '../context.js';
import { date, Empty, ErrorNote, Loaded, money, ScreenTitle, useAction, useLoad } from '../kit.js';

export const FULFILMENT_LABEL: Record<OrderSummary['fulfillment_status'], string> = { unfulfilled: 'Not shipped', partial: 'Partly shipped', fulfilled: 'Shipped' };
export const PAYMENT_LABEL: Record<OrderSummary['financial_status'], string> = { paid: 'Paid', partially_refunded: 'Partly refunded', refunded: 'Refunded' };

export function Orders() {
  const { api, navigate } = usePortal();
  const load = useLoad(() => listOrders(api));
  const [more, setMore] = useState<{ items: OrderSummary[]; next: string | null } | null>(null);
  const loadMore = useAction(async (cursor: string) => {
    const page = await listOrders(api, cursor);
    setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], next: page.next_cursor }));
  });
  return (
    <section>
      <ScreenTitle>Orders</ScreenTitle>
      <Loaded load={load} label="Loading orders…">
        {(page) => {
          const items = [...page.items, ...(more?.items ?? [])];
          const next = more ? more.next : page.next_cursor;
          if (items.length === 0) return <Empty>You have not placed any orders yet.</Empty>;
          return (
            <>
              <table class="cp-table">
                <caption class="cp-sr">Your orders, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Date</th>
                    <th scope="col">Status</th>
                    <th scope="col">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((o) => (
                    <tr key={o.id}>
                      <th scope="row">
                        <button type="button" class="cp-link" onClick={() => navigate({ screen: 'order', id: o.id })}>
                          #{o.number}
                        </button>
                      </th>
                      <td>{date(o.created_at)}</td>
                      <td>
                        {FULFILMENT_LABEL[o.fulfillment_status]}, {PAYMENT_LABEL[o.financial_status]}
                      </td>
                      <td>{money(o.total_cents, o.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {next && (
                <button type="button" class="cp-button cp-secondary" disabled={loadMore.pending} onClick={() => void loadMore.run(next)}>
                  {loadMore.pending ? 'Loading…' : 'Show more orders'}
                </button>
              )}
              {loadMore.error && <ErrorNote error={loadMore.error} />}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
