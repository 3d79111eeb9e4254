import { getProfile } from '../../api/profile.js';
import { listOrders } from '../../api/orders.js';
import { listReturns } from '../../api/returns.js';
import { listAddresses } from '../../api/addresses.js';
import { usePortal } from '../context.js';
import { date, Empty, Loaded, money, ScreenTitle, useLoad } from '../kit.js';
import { StatusBadge } from './returns.js';
import { ExtensionSlot } from '../../extensions/slot.js';

/** The account at a glance: who, the latest orders, open returns, the default address. */
export function Overview() {
  const { api, navigate, features, session } = usePortal();
  // Issued together: the client batches them into one HTTP request.
  const load = useLoad(() =>
    Promise.all([getProfile(api), listOrders(api, undefined, 3), listReturns(api), listAddresses(api)]).then(([profile, orders, returns, addresses]) => ({
      profile,
      orders: orders.items,
      openReturns: returns.items.filter((r) => r.status === 'requested' || r.status === 'approved'),
      defaultAddress: addresses.items.find((a) => a.is_default),
    })),
  );
  return (
    <section>
      <ScreenTitle>Your account</ScreenTitle>
      {features.welcomeMessage && <p class="cp-notice">{features.welcomeMessage}</p>}
      <Loaded load={load} label="Loading your account…">
        {(d) => (
          <div class="cp-grid">
            <div class="cp-card">
              <h3>Hello{d.profile.first_name ? `, ${d.profile.first_name}` : ''}</h3>
              <p>{d.profile.email ?? d.profile.phone}</p>
              <button type="button" class="cp-link" onClick={() => navigate({ screen: 'profile' })}>
                Edit profile
              </button>
            </div>
            <div class="cp-card">
              <h3>Recent orders</h3>
              {d.orders.length === 0 ? (
                <Empty>No orders yet.</Empty>
              ) : (
                <ul class="cp-list">
                  {d.orders.map((o) => (
                    <li key={o.id}>
                      <button type="button" class="cp-link" onClick={() => navigate({ screen: 'order', id: o.id })}>
                        Order #{o.number}
                      </button>{' '}
                      · {date(o.created_at)} · {money(o.total_cents, o.currency)}
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" class="cp-link" onClick={() => navigate({ screen: 'orders' })}>
                All orders
              </button>
            </div>
            <div class="cp-card">
              <h3>Returns</h3>
              {d.openReturns.length === 0 ? (
                <Empty>No open returns.</Empty>
              ) : (
                <ul class="cp-list">
                  {d.openReturns.map((r) => (
                    <li key={r.id}>
                      Order #{r.order_number} <StatusBadge status={r.status} />
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" class="cp-link" onClick={() => navigate({ screen: 'returns' })}>
                All returns
              </button>
            </div>
            <div class="cp-card">
              <h3>Default address</h3>
              {d.defaultAddress ? (
                <p>
                  {d.defaultAddress.address1}, {d.defaultAddress.city} {d.defaultAddress.country_code}
                </p>
              ) : (
                <Empty>No address saved.</Empty>
              )}
              <button type="button" class="cp-link" onClick={() => navigate({ screen: 'addresses' })}>
                Manage addresses
              </button>
            </div>
          </div>
        )}
      </Loaded>
      <ExtensionSlot query={{ point: 'account_overview' }} session={session} />
    </section>
  );
}
