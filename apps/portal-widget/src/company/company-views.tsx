import { money } from '../ui/kit.js';
import { canManageTeam, canReorder, type CompanyRole, type CompanyView } from './types.js';

const PERIOD: Record<CompanyView['locations'][number]['budget_period'], string> = { monthly: 'this month', quarterly: 'this quarter', yearly: 'this year' };
const ROLE: Record<CompanyRole, string> = { admin: 'Admin', buyer: 'Buyer', viewer: 'Viewer' };

/** The company a B2B customer belongs to: locations with their budgets, and the team. */
export function CompanyOverview({ view }: { view: CompanyView }) {
  return (
    <section>
      <h2 class="cp-title">{view.company.name}</h2>
      <p>
        Your role: <span class="cp-badge">{ROLE[view.role]}</span>
      </p>
      <h3>Locations</h3>
      <ul class="cp-cards">
        {view.locations.map((l) => {
          const left = Math.max(0, l.budget_amount_cents - l.spent_cents);
          return (
            <li key={l.id} class="cp-card" aria-label={`Location ${l.name}`}>
              <strong>{l.name}</strong>
              <p>
                {money(left, l.currency)} left of {money(l.budget_amount_cents, l.currency)} {PERIOD[l.budget_period]}
              </p>
              <progress max={l.budget_amount_cents} value={Math.min(l.spent_cents, l.budget_amount_cents)} aria-label={`Budget spent at ${l.name}`} />
            </li>
          );
        })}
      </ul>
      <h3>Team</h3>
      <ul class="cp-list">
        {view.members.map((m) => (
          <li key={m.id}>
            {m.name ?? m.email} <span class="cp-badge">{ROLE[m.role]}</span>
          </li>
        ))}
      </ul>
      {canManageTeam(view.role) && <p class="cp-hint">As an admin you can manage members and locations.</p>}
    </section>
  );
}

/** "Order again" for a company order: shown to buyers and admins only. */
export function ReorderButton({ role, locations, onReorder, pending }: { role: CompanyRole; locations: CompanyView['locations']; onReorder(locationId: string): void; pending?: boolean }) {
  if (!canReorder(role) || locations.length === 0) return null;
  return (
    <div class="cp-actions">
      {locations.map((l) => (
        <button key={l.id} type="button" class="cp-button cp-secondary" disabled={pending} onClick={() => onReorder(l.id)}>
          Order again for {l.name}
        </button>
      ))}
    </div>
  );
}
