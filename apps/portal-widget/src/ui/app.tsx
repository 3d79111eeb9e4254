import { useEffect, useMemo, useState } from 'preact/hooks';
import { cartlyError } from '@cartly/client';
import { createApi, type Api } from '../api/client.js';
import { logout } from '../api/account.js';
import { getMembership, type Membership } from '../api/company.js';
import { getCustomCss, getPortalSettings } from '../api/settings.js';
import type { SessionStore, StoredSession } from '../session.js';
import { ALL_FEATURES, applyShopStyles, featuresOf, type PortalFeatures } from '../theme/apply.js';
import { ExtensionSlot } from '../extensions/slot.js';
import { PortalContext, usePortal, type Portal, type Route } from './context.js';
import { Loading, SessionEndedContext, useLoad } from './kit.js';
import { Login } from './screens/login.js';
import { Overview } from './screens/overview.js';
import { ProfileScreen } from './screens/profile.js';
import { Addresses } from './screens/addresses.js';
import { Wishlist } from './screens/wishlist.js';
import { Orders } from './screens/orders.js';
import { OrderDetail } from './screens/order-detail.js';
import { Returns } from './screens/returns.js';
import { Rewards } from './screens/rewards.js';
import { Company } from './screens/company.js';

export interface AppProps {
  apiUrl: string;
  storefrontAccessToken: string;
  store: SessionStore;
  /** The shop's id: its portal settings and custom CSS are read with it. Without it the widget shows its own look, everything on. */
  shopId?: string | undefined;
  /** The widget's shadow root, where the shop's theme and CSS are adopted. */
  root?: ShadowRoot | undefined;
  /** Where an emailed magic link brings the customer back to (must be on the shop's redirect allow-list). */
  magicLinkRedirectUrl?: string | undefined;
  /** The shop's currency, for amounts the API gives without one (wishlist prices). */
  currency: string;
  /** Why a company sign-in that returned to this page failed (from its `#error=`), to show on the login screen. */
  loginError?: string | undefined;
}

const NAV: { screen: Route['screen']; label: string }[] = [
  { screen: 'overview', label: 'Overview' },
  { screen: 'orders', label: 'Orders' },
  { screen: 'returns', label: 'Returns' },
  { screen: 'wishlist', label: 'Wishlist' },
  { screen: 'rewards', label: 'Rewards' },
  { screen: 'addresses', label: 'Addresses' },
  { screen: 'profile', label: 'Profile' },
];

/**
 * The shop's settings and custom CSS, read once (one batched request) before
 * the first screen, so nothing the shop switched off ever flashes up. If they
 * cannot be read the portal still works, in its own look.
 */
function useShopLook(api: Api, shopId: string | undefined, root: ShadowRoot | undefined): PortalFeatures | undefined {
  const [features, setFeatures] = useState<PortalFeatures | undefined>(shopId ? undefined : ALL_FEATURES);
  useEffect(() => {
    if (!shopId) return;
    let live = true;
    Promise.all([getPortalSettings(api, shopId), getCustomCss(api, shopId)]).then(
      ([settings, css]) => {
        if (!live) return;
        if (root) applyShopStyles(root, { theme: settings.settings.theme, customCss: css.css });
        setFeatures(featuresOf(settings.settings));
      },
      () => live && setFeatures(ALL_FEATURES),
    );
    return () => {
      live = false;
    };
  }, [api, shopId, root]);
  return features;
}

/** The portal: the login screen without a session, the account screens with one. */
export function App({ apiUrl, storefrontAccessToken, store, shopId, root, magicLinkRedirectUrl, currency, loginError }: AppProps) {
  const [session, setSession] = useState<StoredSession | null>(() => store.read());
  const [notice, setNotice] = useState<string | undefined>();
  const [route, setRoute] = useState<Route>({ screen: 'overview' });
  // The client asks for the token before every request, so login and logout apply at once.
  const api = useMemo(() => createApi({ apiUrl, storefrontAccessToken, customerAccessToken: () => store.read()?.accessToken }), [apiUrl, storefrontAccessToken, store]);
  const features = useShopLook(api, shopId, root);
  const portal = useMemo<Portal>(() => ({ api, navigate: setRoute, membership: null, features: features ?? ALL_FEATURES, session: session?.accessToken }), [api, features, session]);

  const end = (message?: string) => {
    store.clear();
    setSession(null);
    setRoute({ screen: 'overview' });
    setNotice(message);
  };

  if (!features) {
    return (
      <div class="cp-root">
        <Loading label="Loading the portal…" />
      </div>
    );
  }

  return (
    <PortalContext.Provider value={portal}>
      <SessionEndedContext.Provider value={() => end('Your session has ended. Please log in again.')}>
        <div class="cp-root">
          {features.logoUrl && <img class="cp-logo" src={features.logoUrl} alt="" />}
          <ExtensionSlot query={{ point: 'header' }} session={session?.accessToken} />
          {session ? (
            <Account route={route} currency={currency} onLogout={end} />
          ) : (
            <Login
              api={api}
              notice={notice}
              loginError={loginError}
              methods={features.authMethods}
              magicLinkRedirectUrl={magicLinkRedirectUrl}
              returnUrl={magicLinkRedirectUrl ?? window.location.href.split('#')[0]!}
              onLogin={(r) => {
                const s = { accessToken: r.access_token, expiresAt: r.expires_at };
                store.write(s);
                setNotice(undefined);
                setSession(s);
              }}
            />
          )}
          <ExtensionSlot query={{ point: 'footer' }} session={session?.accessToken} />
          <Support features={features} />
        </div>
      </SessionEndedContext.Provider>
    </PortalContext.Provider>
  );
}

/** The logged-in portal: navigation (with the company entry for B2B members), the sidebar slot and the current screen. */
function Account({ route, currency, onLogout }: { route: Route; currency: string; onLogout(message: string): void }) {
  const portal = usePortal();
  const { api, navigate } = portal;
  // 403 for a customer who is in no company: the company entry is simply not there.
  const company = useLoad(() => getMembership(api).catch((e: unknown) => (isForbidden(e) ? null : Promise.reject(e))), [portal.session]);
  const membership: Membership | null = company.state === 'ready' ? company.data : null;
  const withMembership = useMemo(() => ({ ...portal, membership }), [portal, membership]);
  const nav = membership ? [...NAV.slice(0, 1), { screen: 'company' as const, label: 'Company' }, ...NAV.slice(1)] : NAV;
  const current = route.screen === 'order' ? 'orders' : route.screen;
  return (
    <PortalContext.Provider value={withMembership}>
      <div class="cp-side">
        <nav class="cp-nav" aria-label="Account">
          <ul>
            {nav.map((n) => (
              <li key={n.screen}>
                <button type="button" class="cp-nav-item" aria-current={current === n.screen ? 'page' : undefined} onClick={() => navigate({ screen: n.screen } as Route)}>
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
                  void Promise.race([logout(api).catch(() => undefined), timeout]).then(() => onLogout('You are logged out.'));
                }}
              >
                Log out
              </button>
            </li>
          </ul>
        </nav>
        <ExtensionSlot query={{ point: 'sidebar' }} session={portal.session} />
      </div>
      <div class="cp-main">
        <Screen route={route} currency={currency} membership={membership} />
      </div>
    </PortalContext.Provider>
  );
}

const isForbidden = (e: unknown) => cartlyError(e).code === 'FORBIDDEN';

function Screen({ route, currency, membership }: { route: Route; currency: string; membership: Membership | null }) {
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
    case 'company':
      return membership ? <Company membership={membership} /> : <Overview />;
  }
}

/** The shop's support contacts from its settings, if it gave any. */
function Support({ features }: { features: PortalFeatures }) {
  const { email, phone, url } = features.support;
  if (!email && !phone && !url) return null;
  return (
    <p class="cp-hint cp-support">
      Need help?{email && <> Email <a href={`mailto:${email}`}>{email}</a>.</>}
      {phone && <> Call <a href={`tel:${phone}`}>{phone}</a>.</>}
      {url && <> <a href={url} target="_blank" rel="noopener noreferrer">Help centre</a>.</>}
    </p>
  );
}
