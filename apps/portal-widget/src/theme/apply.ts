import type { PortalSettings } from '../api/settings.js';
import { adoptStyles, BASE_CSS } from '../ui/styles.js';

/*
 * The shop's look and switches inside the widget (SPEC §10/§11): theme values
 * from the portal settings become custom properties on :host, and the shop's
 * custom CSS (sanitised by the server) is adopted after the base sheet, so it
 * wins but can only reach the widget's own shadow tree.
 */

export type AuthMethod = PortalSettings['access']['auth_methods'][number];

/** What the shop's settings switch on or off in this widget. */
export interface PortalFeatures {
  /** Add, edit, delete and make-default of addresses (`features.address_edit`). */
  addressEdit: boolean;
  /** Login methods offered, in the shop's order (`access.auth_methods`). */
  authMethods: AuthMethod[];
  welcomeMessage: string | null;
  logoUrl: string | null;
  support: { email: string | null; phone: string | null; url: string | null };
}

/** Without settings (no `shopId` given, or they could not be read): everything the widget has is on. */
export const ALL_FEATURES: PortalFeatures = {
  addressEdit: true,
  authMethods: ['otp_email', 'otp_sms', 'magic_link'],
  welcomeMessage: null,
  logoUrl: null,
  support: { email: null, phone: null, url: null },
};

export function featuresOf(settings: PortalSettings): PortalFeatures {
  return {
    addressEdit: settings.features.address_edit,
    authMethods: settings.access.auth_methods,
    welcomeMessage: settings.messaging.welcome_message,
    logoUrl: settings.theme.logo_url && /^https:\/\//.test(settings.theme.logo_url) ? settings.theme.logo_url : null,
    support: { email: settings.messaging.support_email, phone: settings.messaging.support_phone, url: settings.messaging.support_url && /^https:\/\//.test(settings.messaging.support_url) ? settings.messaging.support_url : null },
  };
}

const COLOR = /^#[0-9a-f]{6}$/i;
const FONT = /^[A-Za-z0-9 ,'-]{1,100}$/;

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** Only well-formed values become CSS (the API validated them; checked again): a theme value can never close the rule. */
export function themeCss(theme: Partial<PortalSettings['theme']>): string {
  const vars: string[] = [];
  const color = (name: string, v: string | undefined) => v && COLOR.test(v) && vars.push(`${name}: ${v};`);
  color('--cp-accent', theme.primary_color);
  if (theme.primary_color && COLOR.test(theme.primary_color)) vars.push(`--cp-accent-text: ${textOn(theme.primary_color)};`);
  color('--cp-text', theme.text_color);
  color('--cp-bg', theme.background_color);
  if (theme.font_family && FONT.test(theme.font_family)) vars.push(`--cp-font: ${theme.font_family};`);
  if (typeof theme.border_radius_px === 'number' && theme.border_radius_px >= 0 && theme.border_radius_px <= 48) vars.push(`--cp-radius: ${Math.round(theme.border_radius_px)}px;`);
  return vars.length ? `:host { ${vars.join(' ')} }` : '';
}

export function applyShopStyles(root: ShadowRoot, opts: { theme?: Partial<PortalSettings['theme']> | undefined; customCss?: string | undefined }): void {
  adoptStyles(root, [BASE_CSS, themeCss(opts.theme ?? {}), opts.customCss ?? ''].filter(Boolean));
}
