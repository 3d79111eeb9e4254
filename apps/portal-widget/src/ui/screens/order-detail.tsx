import { useState } from 'preact/hooks';
import { getOrder, type Order } from '../../api/orders.js';
import { createReturn, listReturns, type ReturnReason, type ReturnRequest } from '../../api/returns.js';
import { addToWishlist } from '../../api/wishlist.js';
import { usePortal } from '../context.js';
import { date, ErrorNote, Field, fieldMessage, FormFooter, Loaded, money, ScreenTitle, Select, useAction, useLoad } from '../kit.js';
import { FULFILMENT_LABEL, PAYMENT_LABEL } from './orders.js';
import { REASON_LABEL } from './returns.js';
import { Reorder } from './company.js';
import { ExtensionSlot } from '../../extensions/slot.js';

/** Units of a line that are still in a live or completed return; rejected, expired and cancelled ones free theirs. */
const HOLDS_UNITS = new Set<ReturnRequest['status']>(['requested', 'approved', 'refunded']);

export function OrderDetail({ id }: { id: string }) {
  const { api, navigate, membership, session } = usePortal();
  const load = useLoad(() => Promise.all([getOrder(api, id), listReturns(api)]), [id]);
  const [returning, setReturning] = useState(false);
  return (
    <section>
      <button type="button" class="cp-link" onClick={() => navigate({ screen: 'orders' })}>
        ← All orders
      </button>
      <Loaded load={load} label="Loading the order…">
        {([order, returns]) => {
          const inReturns = new Map<string, number>();
          for (const r of returns.items) {
            if (r.order_id !== order.id || !HOLDS_UNITS.has(r.status)) continue;
            for (const l of r.lines) inReturns.set(l.order_line_id, (inReturns.get(l.order_line_id) ?? 0) + l.quantity);
          }
          const returnable = new Map(order.lines.map((l) => [l.id, Math.max(0, l.fulfilled_quantity - (inReturns.get(l.id) ?? 0))]));
          const canReturn = [...returnable.values()].some((n) => n > 0);
          return (
            <>
              <ScreenTitle>Order #{order.number}</ScreenTitle>
              <p>
                Placed {date(order.created_at)} · {FULFILMENT_LABEL[order.fulfillment_status]} · {PAYMENT_LABEL[order.financial_status]}
              </p>
              <Lines order={order} />
              {order.fulfillments.length > 0 && (
                <div class="cp-card">
                  <h3>Shipments</h3>
                  <ul class="cp-list">
                    {order.fulfillments.map((f) => (
                      <li key={f.id}>
                        Shipped {date(f.fulfilled_at)}
                        {f.tracking_number && ` · tracking ${f.tracking_number}`}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {membership?.permissions.includes('orders.reorder') && <Reorder orderId={order.id} />}
              <ExtensionSlot query={{ point: 'order_detail', order_id: order.id }} session={session} />
              {returning ? (
                <ReturnForm order={order} returnable={returnable} onCancel={() => setReturning(false)} onCreated={() => navigate({ screen: 'returns', notice: `Your return request for order #${order.number} was sent.` })} />
              ) : canReturn ? (
                <button type="button" class="cp-button" onClick={() => setReturning(true)}>
                  Request a return
                </button>
              ) : (
                <p class="cp-hint">Nothing in this order can be returned right now{order.fulfillment_status === 'unfulfilled' ? ': it has not shipped yet' : ''}.</p>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function Lines({ order }: { order: Order }) {
  return (
    <table class="cp-table">
      <caption class="cp-sr">Items of order #{order.number}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Qty</th>
          <th scope="col">Price</th>
          <th scope="col">
            <span class="cp-sr">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((l) => (
          <tr key={l.id}>
            <th scope="row">
              {l.title}
              {l.fulfilled_quantity < l.quantity && <span class="cp-hint"> ({l.fulfilled_quantity} of {l.quantity} shipped)</span>}
            </th>
            <td>{l.quantity}</td>
            <td>{money(l.unit_price_cents * l.quantity, order.currency)}</td>
            <td>{l.variant_id && <SaveButton variantId={l.variant_id} title={l.title} />}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Total
          </th>
          <td colSpan={2}>
            {money(order.total_cents, order.currency)}
            {order.refunded_cents > 0 && ` (refunded ${money(order.refunded_cents, order.currency)})`}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function SaveButton({ variantId, title }: { variantId: string; title: string }) {
  const { api } = usePortal();
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    await addToWishlist(api, variantId);
    setSaved(true);
  });
  if (saved || save.error?.code === 'CONFLICT') return <span role="status">In your wishlist</span>;
  return (
    <>
      <button type="button" class="cp-button cp-secondary cp-small" disabled={save.pending} onClick={() => void save.run()} aria-label={`Save ${title} to wishlist`}>
        Save to wishlist
      </button>
      {save.error && <ErrorNote error={save.error} />}
    </>
  );
}

const REASONS = (Object.keys(REASON_LABEL) as ReturnReason[]).map((value) => ({ value, label: REASON_LABEL[value] }));

interface LineChoice {
  quantity: string;
  reason: ReturnReason;
  note: string;
}

function ReturnForm({ order, returnable, onCancel, onCreated }: { order: Order; returnable: Map<string, number>; onCancel(): void; onCreated(): void }) {
  const { api } = usePortal();
  const lines = order.lines.filter((l) => (returnable.get(l.id) ?? 0) > 0);
  const [choices, setChoices] = useState<Record<string, LineChoice>>(() => Object.fromEntries(lines.map((l) => [l.id, { quantity: '0', reason: 'does_not_fit' as ReturnReason, note: '' }])));
  const [note, setNote] = useState('');
  const [nothing, setNothing] = useState(false);
  const set = (id: string, patch: Partial<LineChoice>) => setChoices((c) => ({ ...c, [id]: { ...c[id]!, ...patch } }));
  const submit = useAction(async () => {
    const picked = lines.map((l) => ({ line: l, choice: choices[l.id]! })).filter((p) => Number(p.choice.quantity) > 0);
    setNothing(picked.length === 0);
    if (picked.length === 0) return;
    await createReturn(api, {
      order_id: order.id,
      lines: picked.map(({ line, choice }) => ({
        order_line_id: line.id,
        quantity: Number(choice.quantity),
        reason: choice.reason,
        ...(choice.note.trim() ? { reason_note: choice.note.trim() } : {}),
      })),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    onCreated();
  });
  return (
    <form
      class="cp-card"
      aria-label="Request a return"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run();
      }}
    >
      <h3>Request a return</h3>
      <p class="cp-hint">Choose how many of each item go back, and why.</p>
      {lines.map((l) => {
        const max = returnable.get(l.id) ?? 0;
        const choice = choices[l.id]!;
        // The API names fields by their index among the lines sent, i.e. those with a quantity.
        const sent = lines.filter((x) => Number(choices[x.id]!.quantity) > 0).findIndex((x) => x.id === l.id);
        return (
          <fieldset key={l.id} class="cp-return-line">
            <legend>{l.title}</legend>
            <Select
              label={`Quantity to return (up to ${max})`}
              value={choice.quantity}
              options={Array.from({ length: max + 1 }, (_, n) => ({ value: String(n), label: String(n) }))}
              onValue={(v) => set(l.id, { quantity: v })}
            />
            <Select label="Reason" value={choice.reason} options={REASONS} onValue={(v) => set(l.id, { reason: v })} />
            {choice.reason === 'other' && (
              <Field label="Tell us more" value={choice.note} onValue={(v) => set(l.id, { note: v })} maxLength={500} required error={fieldMessage(submit.error, `lines.${sent}.reason_note`)} />
            )}
          </fieldset>
        );
      })}
      <Field label="Note to the shop (optional)" value={note} onValue={setNote} maxLength={1000} error={fieldMessage(submit.error, 'note')} />
      {nothing && (
        <p class="cp-error" role="alert">
          Choose at least one item to return.
        </p>
      )}
      <FormFooter error={submit.error} pending={submit.pending} submit="Send return request" busy="Sending…" onCancel={onCancel} />
    </form>
  );
}
