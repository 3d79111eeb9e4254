import { adoptStyles, BASE_CSS } from '../ui/styles.js';

/*
 * The shop's look inside the widget (SPEC §10/§11): theme values from the
 * portal settings become custom properties on :host, and the shop's custom CSS
 * (sanitised by the server) is adopted after the base sheet, so it wins but can
 * only reach the widget's own shadow tree. The settings/CSS queries (issue #13)
 * are not on this branch yet; `mount` will call this with their answers.
 */
export interface PortalTheme {
  accentColor?: string;
  accentTextColor?: string;
  textColor?: string;
  backgroundColor?: string;
  fontFamily?: string;
  radiusPx?: number;
}

/** Features the shop's settings can switch off; a switched-off feature's screens and buttons are hidden. */
export interface PortalFeatures {
  returns?: boolean;
  wishlist?: boolean;
  addressEdit?: boolean;
  loyalty?: boolean;
}

const COLOR = /^#[0-9a-f]{3,8}$/i;
const FONT = /^[\w\s,"'-]{1,200}$/;

/** Only well-formed values become CSS: a theme value can never close the rule and start another. */
export function themeCss(theme: PortalTheme): string {
  const vars: string[] = [];
  const color = (name: string, v: string | undefined) => v && COLOR.test(v) && vars.push(`${name}: ${v};`);
  color('--cp-accent', theme.accentColor);
  color('--cp-accent-text', theme.accentTextColor);
  color('--cp-text', theme.textColor);
  color('--cp-bg', theme.backgroundColor);
  if (theme.fontFamily && FONT.test(theme.fontFamily)) vars.push(`--cp-font: ${theme.fontFamily};`);
  if (typeof theme.radiusPx === 'number' && theme.radiusPx >= 0 && theme.radiusPx <= 32) vars.push(`--cp-radius: ${Math.round(theme.radiusPx)}px;`);
  return vars.length ? `:host { ${vars.join(' ')} }` : '';
}

export function applyShopStyles(root: ShadowRoot, opts: { theme?: PortalTheme; customCss?: string }): void {
  adoptStyles(root, [BASE_CSS, themeCss(opts.theme ?? {}), opts.customCss ?? ''].filter(Boolean));
}
