import { h, render } from 'preact';
import { App } from './ui/app.js';
import { adoptStyles, BASE_CSS } from './ui/styles.js';
import { currentPageUrl, sessionStore, takeLoginError, takeMagicLinkSession, type Persist } from './session.js';

export interface MountOptions {
  /** Base URL of the Cartly API, e.g. `https://api.cartly.example`. */
  apiUrl: string;
  /** The shop's storefront access token (public; it names the shop). */
  storefrontAccessToken: string;
  /** The shop's id (as in the admin API): the portal reads the shop's settings and custom CSS with it. Without it, the widget's own look with everything on. */
  shopId?: string;
  /** Where an emailed sign-in link brings the customer back to; default: this page. Must be on the shop's redirect allow-list. */
  magicLinkRedirectUrl?: string;
  /** Where the login is kept between page loads (default `session`: until the tab closes). */
  persist?: Persist;
  /** The shop's currency code for amounts the API sends without one (default `USD`). */
  currency?: string;
}

export interface PortalHandle {
  /** Removes the portal and its shadow content from the element. */
  unmount(): void;
}

const mounted = new WeakMap<Element, PortalHandle>();

function check(options: MountOptions): void {
  if (!options || typeof options.apiUrl !== 'string' || !/^https?:\/\//.test(options.apiUrl)) throw new TypeError('CartlyPortal.mount: apiUrl must be an http(s) URL');
  if (typeof options.storefrontAccessToken !== 'string' || !options.storefrontAccessToken) throw new TypeError('CartlyPortal.mount: storefrontAccessToken is required');
  if (options.shopId !== undefined && !/^[0-9a-f-]{36}$/i.test(options.shopId)) throw new TypeError('CartlyPortal.mount: shopId must be the shop\'s id (a UUID)');
}

/**
 * Renders the customer portal into `element`, inside an open shadow root so
 * the host page's CSS cannot reach it. Mounting the same element again
 * replaces the previous portal.
 */
export function mount(element: HTMLElement, options: MountOptions): PortalHandle {
  if (!(element instanceof HTMLElement)) throw new TypeError('CartlyPortal.mount: element must be an HTML element');
  check(options);
  mounted.get(element)?.unmount();
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  adoptStyles(root, [BASE_CSS]);
  const container = document.createElement('div');
  container.className = 'cp-container';
  root.appendChild(container);

  const store = sessionStore(options.apiUrl, options.storefrontAccessToken, options.persist ?? 'session');
  const fromLink = takeMagicLinkSession();
  if (fromLink) store.write(fromLink);
  const loginError = fromLink ? null : takeLoginError();

  render(
    h(App, {
      apiUrl: options.apiUrl,
      storefrontAccessToken: options.storefrontAccessToken,
      store,
      shopId: options.shopId,
      root,
      magicLinkRedirectUrl: options.magicLinkRedirectUrl ?? currentPageUrl(),
      loginError: loginError ?? undefined,
      currency: options.currency ?? 'USD',
    }),
    container,
  );
  const handle: PortalHandle = {
    unmount() {
      render(null, container);
      container.remove();
      if (mounted.get(element) === handle) mounted.delete(element);
    },
  };
  mounted.set(element, handle);
  element.dispatchEvent(new CustomEvent('cartly:mounted', { bubbles: true, composed: true }));
  return handle;
}
