import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../api/client.js';

export type Route =
  | { screen: 'overview' }
  | { screen: 'profile' }
  | { screen: 'addresses' }
  | { screen: 'wishlist' }
  | { screen: 'orders' }
  | { screen: 'order'; id: string }
  | { screen: 'returns'; notice?: string }
  | { screen: 'rewards' };

export interface Portal {
  api: Api;
  navigate(route: Route): void;
}

export const PortalContext = createContext<Portal | null>(null);

export function usePortal(): Portal {
  const portal = useContext(PortalContext);
  if (!portal) throw new Error('usePortal outside <PortalContext>');
  return portal;
}
