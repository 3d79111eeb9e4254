/*
 * Loyalty balance and rewards (SPEC §10). The queries (`/loyalty-integration/customer`,
 * `/redeem-options`, `POST /redeem`, issue #13) are not on this branch yet; these
 * shapes mirror the SPEC until their RouterOutputs replace them in `src/api/loyalty.ts`.
 */
export interface LoyaltySummary {
  points_balance: number;
  pending_points: number;
  tier: string | null;
  history: { id: string; points: number; description: string; at: string }[];
}

export interface LoyaltyReward {
  id: string;
  title: string;
  points_cost: number;
  affordable: boolean;
}

export function LoyaltyPanel({ summary, rewards, onRedeem, pendingId }: { summary: LoyaltySummary; rewards: LoyaltyReward[]; onRedeem(rewardId: string): void; pendingId?: string | undefined }) {
  return (
    <section>
      <h2 class="cp-title">Rewards</h2>
      <div class="cp-card">
        <p>
          <strong>{summary.points_balance.toLocaleString()}</strong> points{summary.tier ? ` · ${summary.tier}` : ''}
        </p>
        {summary.pending_points > 0 && <p class="cp-hint">{summary.pending_points.toLocaleString()} points pending</p>}
      </div>
      <ul class="cp-cards">
        {rewards.map((r) => (
          <li key={r.id} class="cp-card" aria-label={r.title}>
            <strong>{r.title}</strong>
            <p>{r.points_cost.toLocaleString()} points</p>
            <button type="button" class="cp-button" disabled={!r.affordable || pendingId === r.id} onClick={() => onRedeem(r.id)}>
              {r.affordable ? 'Redeem' : 'Not enough points'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
