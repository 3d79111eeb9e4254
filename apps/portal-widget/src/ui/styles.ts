/*
 * The widget's own stylesheet, applied inside its shadow root. `:host` resets
 * everything the host page could push in: inherited properties (font, colour,
 * line height…) through `all: initial`, and `!important` so that a hostile
 * page rule on the host element itself (`* { display: none !important }`)
 * loses — inside a shadow tree's cascade, `!important` in the shadow wins.
 * Sizes are in px, never rem, so the page's root font size does not matter.
 * Theme values are custom properties (`--cp-accent`…) that shop settings set.
 */
export const BASE_CSS = `
:host {
  all: initial !important;
  display: block !important;
  visibility: visible !important;
  opacity: 1 !important;
  position: static !important;
  transform: none !important;
  filter: none !important;
  /* after \`all\`, and as important as it, or \`all: initial !important\` would undo them */
  contain: content !important;
  container-type: inline-size !important;
  box-sizing: border-box !important;
  --cp-accent: #1f5f4a;
  --cp-accent-text: #ffffff;
  --cp-text: #1c1d1f;
  --cp-muted: #55585e;
  --cp-bg: #ffffff;
  --cp-surface: #f5f6f7;
  --cp-border: #c9ccd1;
  --cp-danger: #a4232a;
  --cp-focus: #1a56db;
  --cp-radius: 8px;
  --cp-font: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-family: var(--cp-font) !important;
  font-size: 15px !important;
  line-height: 1.45 !important;
  color: var(--cp-text) !important;
  background: var(--cp-bg) !important;
  text-align: left !important;
  direction: ltr !important;
}
:host([hidden]) { display: none !important; }
*, *::before, *::after { box-sizing: inherit; }
.cp-root { display: flex; flex-wrap: wrap; gap: 16px; padding: 16px; max-width: 1100px; margin: 0 auto; }
h2, h3 { margin: 0 0 12px; line-height: 1.25; }
h2 { font-size: 22px; }
h3 { font-size: 17px; }
h2:focus { outline: none; }
p { margin: 0 0 10px; }
.cp-side { flex: 0 0 180px; min-width: 0; }
.cp-logo, .cp-support { flex: 1 1 100%; }
.cp-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.cp-nav-item { all: unset; display: block; width: 100%; padding: 8px 12px; border-radius: var(--cp-radius); cursor: pointer; color: var(--cp-text); box-sizing: border-box; }
.cp-nav-item:hover { background: var(--cp-surface); }
.cp-nav-item[aria-current="page"] { background: var(--cp-accent); color: var(--cp-accent-text); font-weight: 600; }
.cp-main { flex: 1 1 420px; min-width: 0; }
.cp-card { background: var(--cp-bg); border: 1px solid var(--cp-border); border-radius: var(--cp-radius); padding: 16px; margin: 0 0 12px; }
.cp-login { max-width: 440px; margin: 24px auto; width: 100%; }
.cp-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
.cp-cards { list-style: none; padding: 0; margin: 12px 0; display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); }
.cp-cards > .cp-card { margin: 0; }
.cp-list { margin: 0 0 10px; padding-left: 18px; }
.cp-row { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 8px; align-items: center; margin-bottom: 6px; }
address { font-style: normal; margin-bottom: 8px; }
.cp-field { display: flex; flex-direction: column; gap: 4px; margin: 0 0 12px; }
.cp-form-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 0 12px; }
label { font-weight: 600; }
.cp-check, .cp-choice label { font-weight: 400; display: flex; align-items: center; gap: 8px; margin: 4px 0; }
fieldset { border: 1px solid var(--cp-border); border-radius: var(--cp-radius); margin: 0 0 12px; padding: 8px 12px; }
legend { font-weight: 600; padding: 0 4px; }
input, select { font: inherit; color: var(--cp-text); background: var(--cp-bg); border: 1px solid var(--cp-muted); border-radius: calc(var(--cp-radius) * 0.75); padding: 8px 10px; min-height: 40px; width: 100%; }
input[type="radio"], input[type="checkbox"] { width: 18px; min-height: 18px; height: 18px; margin: 0; accent-color: var(--cp-accent); }
input[aria-invalid="true"] { border-color: var(--cp-danger); }
.cp-hint { color: var(--cp-muted); font-size: 13px; }
.cp-field-error { color: var(--cp-danger); font-size: 13px; }
.cp-button { font: inherit; font-weight: 600; display: inline-flex; align-items: center; justify-content: center; min-height: 40px; padding: 8px 16px; border-radius: calc(var(--cp-radius) * 0.75); border: 1px solid var(--cp-accent); background: var(--cp-accent); color: var(--cp-accent-text); cursor: pointer; }
.cp-button:disabled { opacity: 0.6; cursor: progress; }
.cp-secondary { background: var(--cp-bg); color: var(--cp-accent); }
.cp-danger { background: var(--cp-danger); border-color: var(--cp-danger); color: #fff; }
.cp-small { min-height: 32px; padding: 4px 10px; font-size: 13px; }
.cp-link { all: unset; color: var(--cp-accent); text-decoration: underline; cursor: pointer; }
.cp-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 8px; }
:focus-visible { outline: 3px solid var(--cp-focus) !important; outline-offset: 2px; }
.cp-table { width: 100%; border-collapse: collapse; margin: 0 0 12px; }
.cp-table th, .cp-table td { text-align: left; padding: 8px; border-bottom: 1px solid var(--cp-border); vertical-align: top; }
.cp-table thead th { font-size: 13px; color: var(--cp-muted); }
.cp-badge { display: inline-block; padding: 2px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; background: var(--cp-surface); border: 1px solid var(--cp-border); color: var(--cp-text); }
.cp-status-refunded, .cp-status-approved { background: #e3f3ea; border-color: #7cbf98; color: #14532d; }
.cp-status-rejected, .cp-status-cancelled, .cp-status-expired { background: #fbe9ea; border-color: #e29ba0; color: #7f1d1d; }
.cp-error { border: 1px solid var(--cp-danger); background: #fbe9ea; color: #7f1d1d; border-radius: var(--cp-radius); padding: 10px 12px; margin: 0 0 12px; }
.cp-notice { border: 1px solid var(--cp-border); border-left: 4px solid var(--cp-accent); background: var(--cp-bg); border-radius: var(--cp-radius); padding: 10px 12px; }
.cp-empty { color: var(--cp-muted); }
.cp-loading { display: flex; gap: 8px; align-items: center; color: var(--cp-muted); }
.cp-spinner { width: 16px; height: 16px; border-radius: 50%; border: 2px solid var(--cp-border); border-top-color: var(--cp-accent); animation: cp-spin 0.8s linear infinite; }
@keyframes cp-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .cp-spinner { animation: none; } }
details summary { cursor: pointer; color: var(--cp-accent); }
.cp-history { margin: 6px 0 0; padding-left: 18px; }
.cp-stack { display: flex; gap: 8px; }
.cp-stack-column { flex-direction: column; }
.cp-stack-row { flex-direction: row; flex-wrap: wrap; }
.cp-gap-none { gap: 0; } .cp-gap-small { gap: 4px; } .cp-gap-large { gap: 16px; }
.cp-slot-header, .cp-slot-footer { flex: 1 1 100%; }
.cp-logo { max-height: 40px; max-width: 200px; display: block; }
.cp-budget { display: block; width: 100%; }
.cp-slot { margin: 0 0 12px; }
.cp-remote .cp-notice { display: flex; flex-direction: column; align-items: flex-start; gap: 6px; }
.cp-block { margin: 0 0 8px; }
.cp-liquid img, .cp-remote img { max-width: 100%; height: auto; }
progress { width: 100%; accent-color: var(--cp-accent); }
.cp-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@container (max-width: 560px) {
  .cp-root { padding: 8px; gap: 8px; }
  .cp-side { flex: 1 1 100%; }
  .cp-nav ul { flex-direction: row; flex-wrap: wrap; }
  .cp-nav-item { width: auto; padding: 6px 10px; }
  .cp-table thead { display: none; }
  .cp-table tr { display: block; border-bottom: 1px solid var(--cp-border); padding: 6px 0; }
  .cp-table th, .cp-table td { display: block; border: 0; padding: 2px 0; }
}
`;

/** Applies style sheets to a shadow root: constructed sheets where supported, a <style> element otherwise. */
export function adoptStyles(root: ShadowRoot, cssTexts: string[]): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    root.adoptedStyleSheets = cssTexts.map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
    return;
  }
  for (const css of cssTexts) {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}
