import * as csstree from 'css-tree';
import type { CssNode, Declaration, Rule, Atrule, SelectorList, Block } from 'css-tree';
import type { CssDropReason, CssDroppedItem } from '@cartly/contracts/portal-core';

/*
 * The merchant's portal CSS, parsed with a real CSS parser (css-tree) and
 * rebuilt from what survives an allow-list. Names (at-rules, properties,
 * functions) are decoded with ident.decode() before any check, because
 * css-tree decodes url() values but not names: `e\78 pression(` and
 * `@\69 mport` would pass a check on the raw text. Anything the parser could
 * not make sense of (a Raw node) is dropped rather than guessed at.
 * README.md in this folder lists the rules and why.
 */

/** At-rules whose blocks hold rules (sanitised recursively). */
const GROUPING_AT_RULES = new Set(['media', 'supports', 'container', 'layer']);
const KEYFRAMES_AT_RULES = new Set(['keyframes', '-webkit-keyframes']);
/** Descriptors valid inside @font-face (the lexer does not know most of them as properties). */
const FONT_FACE_DESCRIPTORS = new Set([
  'font-family', 'src', 'font-style', 'font-weight', 'font-stretch', 'font-display', 'unicode-range',
  'font-variant', 'font-feature-settings', 'font-variation-settings', 'ascent-override', 'descent-override',
  'line-gap-override', 'size-adjust',
]);
/** Properties that run code or bind behaviour in some browser, whatever the lexer thinks of them. */
const FORBIDDEN_PROPERTIES = new Set(['behavior', '-ms-behavior', '-moz-binding', 'binding']);
/** Functions a value may call; `url()` is a node of its own and checked separately. */
const ALLOWED_FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark',
  'calc', 'min', 'max', 'clamp', 'var', 'env', 'round', 'mod', 'rem', 'abs', 'sign',
  'linear-gradient', 'radial-gradient', 'conic-gradient',
  'repeating-linear-gradient', 'repeating-radial-gradient', 'repeating-conic-gradient',
  '-webkit-linear-gradient', '-webkit-radial-gradient',
  'translate', 'translatex', 'translatey', 'translatez', 'translate3d', 'rotate', 'rotatex', 'rotatey', 'rotatez',
  'rotate3d', 'scale', 'scalex', 'scaley', 'scalez', 'scale3d', 'skew', 'skewx', 'skewy', 'matrix', 'matrix3d',
  'perspective', 'cubic-bezier', 'steps', 'linear',
  'blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate', 'invert', 'opacity', 'saturate', 'sepia',
  'minmax', 'repeat', 'fit-content', 'format', 'local', 'counter', 'counters', 'tech',
]);
/** The only data: URLs allowed: raster images a browser cannot execute. */
const DATA_IMAGE = /^data:image\/(png|gif|jpeg|webp)[;,]/;

export class CssTooDeepError extends Error {
  override readonly name = 'CssTooDeepError';
  constructor() {
    super(`nests blocks, parentheses or brackets more than ${CSS_MAX_NESTING} levels deep`);
  }
}

export interface SanitizedCss {
  css: string;
  dropped: CssDroppedItem[];
}

const decodeName = (name: string) => csstree.ident.decode(name).toLowerCase();
/**
 * The name as the browser will read it, written without escapes so the output
 * cannot mean something other than what was checked; unescaped names stay as
 * written. An escape that decodes to punctuation (`--a\3b b` is `--a;b`) would
 * change the sheet's structure once written plainly: such names are refused.
 */
const undoEscapes = (name: string): string | null => {
  if (!name.includes('\\')) return name;
  const decoded = csstree.ident.decode(name);
  return /^-{0,2}[a-zA-Z_][a-zA-Z0-9_-]*$/.test(decoded) ? decoded : null;
};
const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}...` : s);

class Sanitizer {
  readonly dropped: CssDroppedItem[] = [];

  drop(node: CssNode, what: string, reason: CssDropReason): void {
    const start = node.loc?.start;
    this.dropped.push({ what: clip(what), reason, line: start?.line ?? null, column: start?.column ?? null });
  }

  /** Top-level or grouping-rule contents: rules and allowed at-rules only. */
  ruleList(children: csstree.List<CssNode>): CssNode[] {
    const kept: CssNode[] = [];
    children.forEach((node) => {
      if (node.type === 'Rule') {
        const rule = this.rule(node);
        if (rule) kept.push(rule);
      } else if (node.type === 'Atrule') {
        const at = this.atrule(node);
        if (at) kept.push(at);
      } else if (node.type === 'Raw') {
        this.drop(node, node.value, 'unparseable');
      }
      // Comments and whitespace are not carried over.
    });
    return kept;
  }

  atrule(node: Atrule): Atrule | null {
    const name = decodeName(node.name);
    const label = `@${name}`;
    const allowed = GROUPING_AT_RULES.has(name) || KEYFRAMES_AT_RULES.has(name) || name === 'font-face';
    if (!allowed) {
      this.drop(node, label, name === 'import' ? 'import_not_allowed' : 'at_rule_not_allowed');
      return null;
    }
    if (node.prelude && (node.prelude.type === 'Raw' || !this.safeSubtree(node.prelude, label))) {
      if (node.prelude.type === 'Raw') this.drop(node, label, 'unparseable');
      return null;
    }
    if (GROUPING_AT_RULES.has(name) && node.block) {
      return { ...node, name, block: this.block(node.block, this.ruleList(node.block.children)) };
    }
    if (KEYFRAMES_AT_RULES.has(name) && node.block) {
      const frames: CssNode[] = [];
      node.block.children.forEach((frame) => {
        if (frame.type === 'Rule') {
          const kept = this.rule(frame);
          if (kept) frames.push(kept);
        } else if (frame.type !== 'Comment') {
          this.drop(frame, `${label} frame`, 'unparseable');
        }
      });
      return { ...node, name, block: this.block(node.block, frames) };
    }
    if (name === 'font-face' && node.block && !node.prelude) {
      return { ...node, name, block: this.block(node.block, this.declarations(node.block, { fontFace: true, exfiltrating: false })) };
    }
    this.drop(node, label, 'unparseable');
    return null;
  }

  rule(node: Rule): Rule | null {
    const selector = node.prelude.type === 'SelectorList' ? node.prelude : null;
    const text = csstree.generate(node.prelude);
    if (!selector || !this.safeSubtree(selector, text)) {
      if (!selector) this.drop(node, text, 'unparseable');
      return null;
    }
    const exfiltrating = matchesAttributeValues(selector);
    return { ...node, block: this.block(node.block, this.declarations(node.block, { fontFace: false, exfiltrating })) };
  }

  declarations(block: Block, where: { fontFace: boolean; exfiltrating: boolean }): CssNode[] {
    const kept: CssNode[] = [];
    block.children.forEach((node) => {
      if (node.type === 'Declaration') {
        if (this.declaration(node, where)) kept.push(node);
      } else if (node.type === 'Rule' || node.type === 'Atrule') {
        this.drop(node, node.type === 'Rule' ? csstree.generate(node.prelude) : `@${decodeName(node.name)}`, 'nested_rule_not_allowed');
      } else if (node.type === 'Raw') {
        // A stray `;` is harmless noise; anything else is something the parser gave up on.
        if (node.value.trim() !== ';' && node.value.trim() !== '') this.drop(node, node.value, 'unparseable');
      }
    });
    return kept;
  }

  declaration(node: Declaration, where: { fontFace: boolean; exfiltrating: boolean }): boolean {
    const plain = undoEscapes(node.property);
    if (plain === null) {
      this.drop(node, node.property, 'unknown_property');
      return false;
    }
    const property = plain.toLowerCase();
    node.property = plain;
    const unprefixed = csstree.property(property).basename;
    if (FORBIDDEN_PROPERTIES.has(property) || FORBIDDEN_PROPERTIES.has(unprefixed)) {
      this.drop(node, property, 'property_not_allowed');
      return false;
    }
    const known = property.startsWith('--') || (where.fontFace ? FONT_FACE_DESCRIPTORS.has(property) : csstree.lexer.getProperty(property) !== null);
    if (!known) {
      this.drop(node, property, 'unknown_property');
      return false;
    }
    if (node.value.type === 'Raw') {
      this.drop(node, property, 'unparseable');
      return false;
    }
    if (where.exfiltrating && csstree.find(node.value, (n) => n.type === 'Url')) {
      this.drop(node, property, 'url_with_attribute_selector');
      return false;
    }
    return this.safeSubtree(node.value, property);
  }

  /** Functions, URLs and unparsed text anywhere under `node` (a value, a selector, an at-rule prelude). */
  safeSubtree(node: CssNode, label: string): boolean {
    let reason: CssDropReason | null = null;
    csstree.walk(node, (n) => {
      if (reason) return;
      if (n.type === 'Raw') reason = 'unparseable';
      else if (n.type === 'Url' && !allowedUrl(n.value)) reason = 'url_not_allowed';
      else if (n.type === 'Function') {
        const plain = undoEscapes(n.name);
        const fn = plain?.toLowerCase() ?? '';
        if (plain) n.name = plain;
        if (!ALLOWED_FUNCTIONS.has(fn)) reason = fn === 'url' ? 'url_not_allowed' : 'function_not_allowed';
      }
    });
    if (reason) this.drop(node, label, reason);
    return reason === null;
  }

  block(original: Block, children: CssNode[]): Block {
    return { ...original, children: new csstree.List<CssNode>().fromArray(children) };
  }
}

/** https URLs with a host, and raster data: images; everything else (javascript:, http:, relative, //host) is refused. */
function allowedUrl(value: string): boolean {
  // Browsers ignore surrounding whitespace and control characters in a URL's scheme.
  // eslint-disable-next-line no-control-regex -- stripping exactly those characters is the point
  const v = value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  if (DATA_IMAGE.test(v)) return true;
  if (!v.startsWith('https://')) return false;
  try {
    return new URL(value.trim()).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A selector that matches on attribute values (`input[value^="a"]`) combined
 * with a url() is the classic CSS keylogger: each matching prefix fetches a
 * URL that tells a foreign host what the customer typed. Such rules keep
 * their styling but lose every declaration that loads a URL.
 */
function matchesAttributeValues(selector: SelectorList): boolean {
  return csstree.find(selector, (n) => n.type === 'AttributeSelector' && n.value !== null) !== null;
}

/** Deepest block/paren/bracket nesting a sheet may have; real sheets stay under 10, the parser recurses per level. */
export const CSS_MAX_NESTING = 32;

/** Nesting depth of `{`, `(` and `[`, skipping comments and strings (a linear scan, before any parsing). */
export function cssNestingDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 1;
    } else if (c === '"' || c === "'") {
      for (i++; i < source.length && source[i] !== c && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
    } else if (c === '{' || c === '(' || c === '[') max = Math.max(max, ++depth);
    else if ((c === '}' || c === ')' || c === ']') && depth > 0) depth--;
  }
  return max;
}

/**
 * Sanitises a sheet: returns the rebuilt CSS and what was dropped, with why.
 * `<` is escaped in the output (`\3c `, valid in CSS strings and identifiers), so
 * the sheet can never close a `<style>` element it is inlined into.
 */
export function sanitizeCss(source: string): SanitizedCss {
  // Deep nesting would exhaust the stack in the parser: such a sheet is refused whole, by the caller.
  if (cssNestingDepth(source) > CSS_MAX_NESTING) throw new CssTooDeepError();
  const sanitizer = new Sanitizer();
  const ast = csstree.parse(source, {
    positions: true,
    parseValue: true,
    parseCustomProperty: true,
    parseAtrulePrelude: true,
    parseRulePrelude: true,
    onParseError: () => {
      // The offending part becomes a Raw node, which the walk drops and reports.
    },
  });
  if (ast.type !== 'StyleSheet') return { css: '', dropped: [] };
  const sheet = { ...ast, children: new csstree.List<CssNode>().fromArray(sanitizer.ruleList(ast.children)) };
  const css = csstree.generate(sheet).replace(/</g, '\\3c ');
  return { css, dropped: sanitizer.dropped };
}
