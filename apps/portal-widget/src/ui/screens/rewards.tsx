import { useState } from 'preact/hooks';
import { getLoyaltyAccount, listRedeemOptions, redeemReward, type Redemption } from '../../api/loyalty.js';
import { LoyaltyPanel } from '../../loyalty/loyalty-panel.js';
import { usePortal } from '../context.js';
import { date, ErrorNote, Loaded, useAction, useLoad } from '../kit.js';

/** Points balance, rewards to redeem, and the discount code a redemption issues. */
export function Rewards() {
  const { api } = usePortal();
  // Issued together: one batched request.
  const load = useLoad(() => Promise.all([getLoyaltyAccount(api), listRedeemOptions(api)]).then(([account, options]) => ({ account, rewards: options.redeem_options })));
  const [pendingId, setPendingId] = useState<string | undefined>();
  const [issued, setIssued] = useState<Redemption | undefined>();
  const redeem = useAction(async (id: string) => {
    setPendingId(id);
    try {
      const { redemption } = await redeemReward(api, id);
      setIssued(redemption);
      load.reload(); // balance, affordability and history all moved
    } finally {
      setPendingId(undefined);
    }
  });
  return (
    <Loaded load={load} label="Loading your rewards…">
      {({ account, rewards }) => (
        <div>
          {issued && (
            <p class="cp-card" role="status">
              Your code: <strong>{issued.code}</strong> (valid until {date(issued.expires_at)})
            </p>
          )}
          {redeem.error && <ErrorNote error={redeem.error} />}
          <LoyaltyPanel summary={account} rewards={rewards} pendingId={pendingId} onRedeem={(id) => void redeem.run(id)} />
          {account.history.length > 0 && (
            <div class="cp-card">
              <h3>Points history</h3>
              <ul class="cp-list">
                {account.history.map((h) => (
                  <li key={h.id}>
                    {date(h.created_at)} · {h.description} · {h.points > 0 ? `+${h.points}` : h.points}
                    {h.status === 'pending' ? ' (pending)' : ''}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </Loaded>
  );
}
