import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ExtensionSlot } from '../../extensions/slot.js';
import { listReturns, type ReturnRequest, type ReturnStatus } from '../../api/returns.js';
import { usePortal } from '../context.js';
import { date, Empty, Loaded, money, ScreenTitle, useLoad } from '../kit.js';

export const STATUS_LABEL: Record<ReturnStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired',
  refunded: 'Refunded',
  cancelled: 'Cancelled',
};

export const REASON_LABEL: Record<ReturnRequest['lines'][number]['reason'], string> = {
  damaged: 'Damaged',
  defective: 'Defective',
  wrong_item: 'Wrong item',
  not_as_described: 'Not as described',
  does_not_fit: 'Does not fit',
  changed_mind: 'Changed my mind',
  other: 'Other',
};

export function StatusBadge({ status }: { status: ReturnStatus }) {
  return <span class={`cp-badge cp-status-${status}`}>{STATUS_LABEL[status]}</span>;
}

export function Returns({ notice }: { notice?: string | undefined }) {
  const { api, navigate } = usePortal();
  const load = useLoad(() => listReturns(api));
  return (
    <section>
      <ScreenTitle>Returns</ScreenTitle>
      {notice && <p class="cp-notice" role="status">{notice}</p>}
      <Loaded load={load} label="Loading returns…">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>You have no returns. You can request one from an order's page.</Empty>
          ) : (
            <ul class="cp-cards">
              {page.items.map((r) => (
                <li key={r.id} class="cp-card cp-return" aria-label={`Return for order #${r.order_number}`}>
                  <div class="cp-row">
                    <strong>
                      Return for{' '}
                      <button type="button" class="cp-link" onClick={() => navigate({ screen: 'order', id: r.order_id })}>
                        order #{r.order_number}
                      </button>
                    </strong>
                    <StatusBadge status={r.status} />
                  </div>
                  <p>
                    Requested {date(r.created_at)} · refund {money(r.refund?.amount_cents ?? r.refund_cents, r.currency)}
                    {r.status === 'requested' && ` · decision by ${date(r.expires_at)}`}
                  </p>
                  <ul class="cp-list">
                    {r.lines.map((l) => (
                      <li key={l.id}>
                        {l.quantity} × {l.title} — {REASON_LABEL[l.reason]}
                      </li>
                    ))}
                  </ul>
                  {r.decision?.note && <p>Merchant's note: {r.decision.note}</p>}
                  <ReturnDetails id={r.id}>
                    <ol class="cp-history">
                      {r.history.map((h, i) => (
                        <li key={i}>
                          {date(h.at)}: {STATUS_LABEL[h.status]}
                          {h.note ? ` — ${h.note}` : ''}
                        </li>
                      ))}
                    </ol>
                  </ReturnDetails>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

/** A return's history, and its `return_detail` extension slot, loaded only once the customer opens it. */
function ReturnDetails({ id, children }: { id: string; children: ComponentChildren }) {
  const { session } = usePortal();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>History</summary>
      {children}
      {open && <ExtensionSlot query={{ point: 'return_detail', return_id: id }} session={session} />}
    </details>
  );
}
