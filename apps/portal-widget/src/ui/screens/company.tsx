import { useState } from 'preact/hooks';
import { addMember, changeRole, listLocations, listMembers, removeMember, reorder, type CompanyLocation, type CompanyMember, type CompanyRole, type Membership, type Reordered } from '../../api/company.js';
import { usePortal } from '../context.js';
import { ConfirmButton, Empty, ErrorNote, Field, fieldMessage, FormFooter, Loaded, money, ScreenTitle, Select, useAction, useLoad } from '../kit.js';

/*
 * B2B company views (SPEC §7): locations with their budgets, the team, and for
 * admins the team's management. What a role may do comes from the API's own
 * `permissions` list; the API enforces it again on every call.
 */

const PERIOD: Record<CompanyLocation['budget']['period'], string> = { monthly: 'this month', quarterly: 'this quarter', yearly: 'this year' };
export const ROLE_LABEL: Record<CompanyRole, string> = { admin: 'Admin', buyer: 'Buyer', viewer: 'Viewer' };
const ROLES = (Object.keys(ROLE_LABEL) as CompanyRole[]).map((value) => ({ value, label: ROLE_LABEL[value] }));

export const budgetLine = (l: CompanyLocation) => `${money(l.budget.remaining_cents, l.budget.currency)} left of ${money(l.budget.amount_cents, l.budget.currency)} ${PERIOD[l.budget.period]}`;

export function Company({ membership }: { membership: Membership }) {
  const { api } = usePortal();
  const manage = membership.permissions.includes('members.manage');
  // Issued together: one batched request.
  const load = useLoad(() => Promise.all([listLocations(api), listMembers(api)]).then(([l, m]) => ({ locations: l.items, members: m.items })));
  return (
    <section>
      <ScreenTitle>{membership.company.name}</ScreenTitle>
      <p>
        Your role: <span class="cp-badge">{ROLE_LABEL[membership.membership.role]}</span>
      </p>
      <Loaded load={load} label="Loading your company…">
        {({ locations, members }) => (
          <>
            <h3>Locations</h3>
            {locations.length === 0 ? (
              <Empty>No locations yet.</Empty>
            ) : (
              <ul class="cp-cards">
                {locations.map((l) => (
                  <li key={l.id} class="cp-card" aria-label={`Location ${l.name}`}>
                    <strong>{l.name}</strong>
                    <p>{budgetLine(l)}</p>
                    <progress class="cp-budget" max={l.budget.amount_cents} value={Math.min(l.budget.spent_cents, l.budget.amount_cents)} aria-label={`Budget spent at ${l.name}`} />
                    <p class="cp-hint">
                      {l.shipping_address.address1}, {l.shipping_address.city} {l.shipping_address.country_code}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <h3>Team</h3>
            <ul class="cp-cards">
              {members.map((m) => (
                <MemberCard key={m.id} member={m} manage={manage && m.id !== membership.membership.id} onChanged={load.reload} />
              ))}
            </ul>
            {manage && <AddMember onAdded={load.reload} />}
          </>
        )}
      </Loaded>
    </section>
  );
}

const memberName = (m: CompanyMember) => [m.customer.first_name, m.customer.last_name].filter(Boolean).join(' ') || m.customer.email || 'A member';

function MemberCard({ member: m, manage, onChanged }: { member: CompanyMember; manage: boolean; onChanged(): void }) {
  const { api } = usePortal();
  const [role, setRole] = useState<CompanyRole>(m.role);
  const change = useAction(async () => {
    await changeRole(api, m.id, role);
    onChanged();
  });
  const remove = useAction(async () => {
    await removeMember(api, m.id);
    onChanged();
  });
  const name = memberName(m);
  return (
    <li class="cp-card" aria-label={`Member ${name}`} data-member={m.id}>
      <strong>{name}</strong> <span class="cp-badge">{ROLE_LABEL[m.role]}</span>
      {m.customer.email && name !== m.customer.email && <p class="cp-hint">{m.customer.email}</p>}
      {manage && (
        <form
          aria-label={`Manage ${name}`}
          onSubmit={(e) => {
            e.preventDefault();
            void change.run();
          }}
        >
          <Select<CompanyRole> label={`Role of ${name}`} value={role} options={ROLES} onValue={setRole} />
          <FormFooter error={change.error ?? remove.error} pending={change.pending || remove.pending} submit="Change role" busy="Saving…">
            <ConfirmButton label={`Remove ${name}`} confirm="Confirm removal" pending={remove.pending} onConfirm={() => void remove.run()} />
          </FormFooter>
        </form>
      )}
    </li>
  );
}

function AddMember({ onAdded }: { onAdded(): void }) {
  const { api } = usePortal();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<CompanyRole>('buyer');
  const add = useAction(async () => {
    await addMember(api, { email: email.trim(), role });
    setEmail('');
    onAdded();
  });
  return (
    <form
      class="cp-card"
      aria-label="Add a member"
      onSubmit={(e) => {
        e.preventDefault();
        void add.run();
      }}
    >
      <h3>Add a member</h3>
      <p class="cp-hint">Someone new to the shop gets an account and logs in with a code sent to this address.</p>
      <Field label="Work email" type="email" autocomplete="off" value={email} onValue={setEmail} required error={fieldMessage(add.error, 'email')} />
      <Select<CompanyRole> label="Role" value={role} options={ROLES} onValue={setRole} />
      <FormFooter error={add.error} pending={add.pending} submit="Add member" busy="Adding…" />
    </form>
  );
}

/** "Order again" on an order's page, for buyers and admins: one button per location they may order for, with its budget. */
export function Reorder({ orderId }: { orderId: string }) {
  const { api, navigate } = usePortal();
  const load = useLoad(() => listLocations(api), [orderId]);
  const [pendingId, setPendingId] = useState<string | undefined>();
  const [done, setDone] = useState<Reordered | undefined>();
  const run = useAction(async (locationId: string) => {
    setPendingId(locationId);
    try {
      const r = await reorder(api, orderId, locationId);
      setDone(r);
      // The answer carries the location after the charge: the budget shown drops at once.
      if (load.state === 'ready') load.set({ ...load.data, items: load.data.items.map((l) => (l.id === r.location.id ? r.location : l)) });
    } finally {
      setPendingId(undefined);
    }
  });
  return (
    <div class="cp-card">
      <h3>Order again for your company</h3>
      <Loaded load={load} label="Loading your locations…">
        {({ items }) =>
          items.length === 0 ? (
            <Empty>You cannot order for any location.</Empty>
          ) : (
            <ul class="cp-list">
              {items.map((l) => (
                <li key={l.id} aria-label={`Reorder for ${l.name}`}>
                  <span>{budgetLine(l)}</span>{' '}
                  <button type="button" class="cp-button cp-secondary cp-small" disabled={pendingId !== undefined} onClick={() => void run.run(l.id)}>
                    {pendingId === l.id ? 'Ordering…' : `Order again for ${l.name}`}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {done && (
        <p role="status">
          <button type="button" class="cp-link" onClick={() => navigate({ screen: 'order', id: done.order.id })}>
            Order #{done.order.number}
          </button>{' '}
          placed for {done.location.name}: {money(done.charged_cents, done.order.currency)} charged to the budget.
          {done.unavailable_lines.length > 0 && ` Not available any more: ${done.unavailable_lines.map((u) => u.title).join(', ')}.`}
        </p>
      )}
      {run.error && <ErrorNote error={run.error} />}
    </div>
  );
}
