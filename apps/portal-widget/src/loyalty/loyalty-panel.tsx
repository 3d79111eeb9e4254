import type { LoyaltyAccount, RedeemOption } from '../api/loyalty.js';
import { ScreenTitle } from '../ui/kit.js';

/** The parts of the loyalty account (`portalCore.loyalty.getCustomer`) the panel shows. */
export type LoyaltySummary = Pick<LoyaltyAccount, 'balance' | 'pending' | 'tier' | 'next_tier'>;
/** A reward as `portalCore.loyalty.listRedeemOptions` lists it. */
export type LoyaltyReward = Pick<RedeemOption, 'id' | 'name' | 'description' | 'points_cost' | 'can_afford'>;

/** Loyalty balance and rewards (SPEC §10): redeem is offered only for what the balance covers. */
export function LoyaltyPanel({ summary, rewards, onRedeem, pendingId }: { summary: LoyaltySummary; rewards: LoyaltyReward[]; onRedeem(rewardId: string): void; pendingId?: string | undefined }) {
  return (
    <section>
      <ScreenTitle>Rewards</ScreenTitle>
      <div class="cp-card">
        <p>
          <strong>{summary.balance.toLocaleString()}</strong> points{summary.tier ? ` · ${summary.tier.name}` : ''}
        </p>
        {summary.pending > 0 && <p class="cp-hint">{summary.pending.toLocaleString()} points pending</p>}
        {summary.next_tier && <p class="cp-hint">{summary.next_tier.points_needed.toLocaleString()} more points to {summary.next_tier.name}</p>}
      </div>
      <ul class="cp-cards">
        {rewards.map((r) => (
          <li key={r.id} class="cp-card" aria-label={r.name}>
            <strong>{r.name}</strong>
            {r.description && <p>{r.description}</p>}
            <p>{r.points_cost.toLocaleString()} points</p>
            <button type="button" class="cp-button" disabled={!r.can_afford || pendingId === r.id} onClick={() => onRedeem(r.id)}>
              {r.can_afford ? 'Redeem' : 'Not enough points'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
