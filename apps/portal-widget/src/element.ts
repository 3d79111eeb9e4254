import { mount, type MountOptions, type PortalHandle } from './mount.js';

/*
 * <cartly-portal api-url="…" storefront-access-token="…"></cartly-portal>:
 * the same options as mount(), as attributes. Changing one re-mounts.
 */
const ATTRIBUTES = {
  'api-url': 'apiUrl',
  'storefront-access-token': 'storefrontAccessToken',
  'shop-id': 'shopId',
  'magic-link-redirect-url': 'magicLinkRedirectUrl',
  persist: 'persist',
  currency: 'currency',
} as const;

export const TAG = 'cartly-portal';

export function defineElement(): void {
  if (typeof customElements === 'undefined' || customElements.get(TAG)) return;

  class CartlyPortalElement extends HTMLElement {
    static observedAttributes = Object.keys(ATTRIBUTES);
    private handle: PortalHandle | undefined;

    connectedCallback(): void {
      this.remount();
    }

    disconnectedCallback(): void {
      this.handle?.unmount();
      this.handle = undefined;
    }

    attributeChangedCallback(): void {
      if (this.isConnected) this.remount();
    }

    private remount(): void {
      const options: Record<string, string> = {};
      for (const [attribute, key] of Object.entries(ATTRIBUTES)) {
        const value = this.getAttribute(attribute);
        if (value) options[key] = value;
      }
      if (!options.apiUrl || !options.storefrontAccessToken) return; // wait for both
      this.handle = mount(this, options as unknown as MountOptions);
    }
  }

  customElements.define(TAG, CartlyPortalElement);
}
