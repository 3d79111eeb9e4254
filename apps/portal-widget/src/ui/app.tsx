import { useMemo, useState } from 'preact/hooks';
import { createApi } from '../api/client.js';
import { logout } from '../api/account.js';
import type { SessionStore, StoredSession } from '../session.js';
import { PortalContext, type Route } from './context.js';
import type { PortalFeatures } from '../theme/apply.js';
import { SessionEndedContext } from './kit.js';
import { Login } from './screens/login.js';
import { Overview } from './screens/overview.js';
import { ProfileScreen } from './screens/profile.js';
import { Addresses } from './screens/addresses.js';
import { Wishlist } from './screens/wishlist.js';
import { Orders } from './screens/orders.js';
import { OrderDetail } from './screens/order-detail.js';
import { Returns } from './screens/returns.js';
import { Rewards } from './screens/rewards.js';

export interface AppProps {
  apiUrl: string;
  storefrontAccessToken: string;
  store: SessionStore;
  /** Where an emailed magic link brings the customer back to (must be on the shop's redirect allow-list). */
  magicLinkRedirectUrl?: string | undefined;
  /** The shop's currency, for amounts the API gives without one (wishlist prices). */
  currency: string;
  /** Features the shop switched off are not shown (from the portal settings, once their API exists). */
  features?: PortalFeatures | undefined;
}

const NAV: { screen: Route['screen']; label: string; feature?: keyof PortalFeatures }[] = [
  { screen: 'overview', label: 'Overview' },
  { screen: 'orders', label: 'Orders' },
  { screen: 'returns', label: 'Returns', feature: 'returns' },
  { screen: 'wishlist', label: 'Wishlist', feature: 'wishlist' },
  { screen: 'rewards', label: 'Rewards', feature: 'loyalty' },
  { screen: 'addresses', label: 'Addresses' },
  { screen: 'profile', label: 'Profile' },
];

/** The portal: the login screen without a session, the account screens with one. */
export function App({ apiUrl, storefrontAccessToken, store, magicLinkRedirectUrl, currency, features = {} }: AppProps) {
  const [session, setSession] = useState<StoredSession | null>(() => store.read());
  const [notice, setNotice] = useState<string | undefined>();
  const [route, setRoute] = useState<Route>({ screen: 'overview' });
  // The client asks for the token before every request, so login and logout apply at once.
  const api = useMemo(() => createApi({ apiUrl, storefrontAccessToken, customerAccessToken: () => store.read()?.accessToken }), [apiUrl, storefrontAccessToken, store]);
  const portal = useMemo(() => ({ api, navigate: setRoute }), [api]);

  const end = (message?: string) => {
    store.clear();
    setSession(null);
    setRoute({ screen: 'overview' });
    setNotice(message);
  };
  const sessionEnded = () => end('Your session has ended. Please log in again.');

  if (!session) {
    return (
      <div class="cp-root">
        <Login
          api={api}
          notice={notice}
          magicLinkRedirectUrl={magicLinkRedirectUrl}
          onLogin={(r) => {
            const s = { accessToken: r.access_token, expiresAt: r.expires_at };
            store.write(s);
            setNotice(undefined);
            setSession(s);
          }}
        />
      </div>
    );
  }

  const current = route.screen === 'order' ? 'orders' : route.screen;
  return (
    <PortalContext.Provider value={portal}>
     <SessionEndedContext.Provider value={sessionEnded}>
      <div class="cp-root">
        <nav class="cp-nav" aria-label="Account">
          <ul>
            {NAV.filter((n) => !n.feature || features[n.feature] !== false).map((n) => (
              <li key={n.screen}>
                <button type="button" class="cp-nav-item" aria-current={current === n.screen ? 'page' : undefined} onClick={() => setRoute({ screen: n.screen } as Route)}>
                  {n.label}
                </button>
              </li>
            ))}
            <li>
              <button
                type="button"
                class="cp-nav-item"
                onClick={() => {
                  // Revoke on the server first (the request reads the token when it leaves); forget it locally
                  // whatever happens, after at most 3 s.
                  const timeout = new Promise((resolve) => setTimeout(resolve, 3000));
                  void Promise.race([logout(api).catch(() => undefined), timeout]).then(() => end('You are logged out.'));
                }}
              >
                Log out
              </button>
            </li>
          </ul>
        </nav>
        <div class="cp-main">
          <Screen route={route} currency={currency} />
        </div>
      </div>
     </SessionEndedContext.Provider>
    </PortalContext.Provider>
  );
}

function Screen({ route, currency }: { route: Route; currency: string }) {
  switch (route.screen) {
    case 'overview':
      return <Overview />;
    case 'profile':
      return <ProfileScreen />;
    case 'addresses':
      return <Addresses />;
    case 'wishlist':
      return <Wishlist currency={currency} />;
    case 'orders':
      return <Orders />;
    case 'order':
      return <OrderDetail key={route.id} id={route.id} />;
    case 'returns':
      return <Returns notice={route.notice} />;
    case 'rewards':
      return <Rewards />;
  }
}
