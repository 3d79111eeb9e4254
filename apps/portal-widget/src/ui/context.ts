import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../api/client.js';
import type { Membership } from '../api/company.js';
import type { PortalFeatures } from '../theme/apply.js';

export type Route =
  | { screen: 'overview' }
  | { screen: 'profile' }
  | { screen: 'addresses' }
  | { screen: 'wishlist' }
  | { screen: 'orders' }
  | { screen: 'order'; id: string }
  | { screen: 'returns'; notice?: string }
  | { screen: 'rewards' }
  | { screen: 'company' };

export interface Portal {
  api: Api;
  navigate(route: Route): void;
  /** The customer's company membership (B2B), or null for everyone else. */
  membership: Membership | null;
  /** What the shop's portal settings switch on. */
  features: PortalFeatures;
  /** The customer's token, as a dependency of loads that depend on who is logged in (extension slots). */
  session: string | undefined;
}

export const PortalContext = createContext<Portal | null>(null);

export function usePortal(): Portal {
  const portal = useContext(PortalContext);
  if (!portal) throw new Error('usePortal outside <PortalContext>');
  return portal;
}
