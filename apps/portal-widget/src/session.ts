/*
 * Where the widget keeps the customer's access token (CAT) between page loads:
 * sessionStorage by default (gone with the tab), localStorage if the merchant
 * asks for it, or nowhere. The key names the API and the shop's token (by a
 * hash, not the token), so two shops on one page never share a login.
 */

export type Persist = 'session' | 'local' | 'none';

export interface StoredSession {
  accessToken: string;
  expiresAt: string;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export interface SessionStore {
  read(): StoredSession | null;
  write(s: StoredSession): void;
  clear(): void;
}

/** The storage key of one API + shop pair's login. */
export const sessionKey = (apiUrl: string, storefrontAccessToken: string) => `cartly-portal:${fnv1a(`${apiUrl}|${storefrontAccessToken}`)}`;

export function sessionStore(apiUrl: string, storefrontAccessToken: string, persist: Persist): SessionStore {
  const key = sessionKey(apiUrl, storefrontAccessToken);
  let memory: StoredSession | null = null;
  const storage = (): Storage | null => {
    try {
      return persist === 'local' ? window.localStorage : persist === 'session' ? window.sessionStorage : null;
    } catch {
      return null; // storage blocked (third-party context, privacy mode): memory only
    }
  };
  const live = (s: StoredSession | null) => (s && Date.parse(s.expiresAt) > Date.now() ? s : null);
  return {
    read() {
      if (live(memory)) return memory;
      try {
        const raw = storage()?.getItem(key);
        const parsed = raw ? (JSON.parse(raw) as StoredSession) : null;
        memory = live(parsed && typeof parsed.accessToken === 'string' && typeof parsed.expiresAt === 'string' ? parsed : null);
      } catch {
        memory = null;
      }
      return memory;
    },
    write(s) {
      memory = s;
      try {
        storage()?.setItem(key, JSON.stringify(s));
      } catch {
        // full or blocked: the memory copy still works for this page
      }
    },
    clear() {
      memory = null;
      try {
        storage()?.removeItem(key);
      } catch {
        // ignore
      }
    },
  };
}

/**
 * A magic link comes back to the storefront page as `#access_token=…&expires_at=…`
 * (set by the API's confirm page). Take it, and take it out of the address bar.
 */
export function takeMagicLinkSession(): StoredSession | null {
  const hash = window.location.hash.slice(1);
  if (!hash.includes('access_token=')) return null;
  const params = new URLSearchParams(hash);
  const accessToken = params.get('access_token');
  const expiresAt = params.get('expires_at');
  params.delete('access_token');
  params.delete('expires_at');
  params.delete('customer_id');
  const rest = params.toString();
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`);
  if (!accessToken || !expiresAt || !/^cat_[A-Za-z0-9_-]{20,}$/.test(accessToken)) return null;
  return { accessToken, expiresAt };
}

/** The page the magic link should return to: this one, without its fragment. */
export function currentPageUrl(): string {
  const url = new URL(window.location.href);
  url.hash = '';
  return url.toString();
}

/**
 * A company sign-in that failed comes back as `#error=<code>&error_description=…`.
 * Take it out of the address bar and return a message to show (as text only:
 * it came from the URL, so it is capped and never parsed as HTML).
 */
export function takeLoginError(): string | null {
  const hash = window.location.hash.slice(1);
  if (!/(^|&)error=/.test(hash)) return null;
  const params = new URLSearchParams(hash);
  const code = (params.get('error') ?? '').replace(/[^\w.-]/g, '').slice(0, 60);
  const description = (params.get('error_description') ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  params.delete('error');
  params.delete('error_description');
  const rest = params.toString();
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`);
  return `Company sign-in did not work: ${description || code || 'unknown error'}. Please try again or use another way to log in.`;
}
