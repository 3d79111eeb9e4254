import { Liquid, LiquidError, type Template } from 'liquidjs';
import { LIQUID_TEMPLATE_MAX_CHARS } from '@cartly/contracts/extensions';
import { TemplateError, type CompiledTemplate, type TemplateEngine } from './engine.js';

/*
 * liquidjs in a sandbox (STACK.md): only own properties are readable (no
 * `constructor`, no prototype walks), unknown filters fail at parse, output is
 * HTML-escaped unless a template says `| raw` (and all HTML is sanitised
 * afterwards anyway), and nothing reaches a file: `include`, `render` and
 * `layout` are refused when the template is parsed. `memoryLimit` is what stops
 * `(1..100000000)`: the range is built before any time check could run.
 */

/** Units of liquidjs's allocation counter (about one per array element or string character). */
export const LIQUID_MEMORY_LIMIT = 1_000_000;
/** Block tags nested deeper than this are refused at parse: parsing deep nests costs time, and no portal block needs them. */
export const LIQUID_MAX_NESTING = 40;

const FILE_TAGS = ['include', 'render', 'layout'] as const;
const BLOCK_TAGS = new Set(['if', 'unless', 'for', 'case', 'capture', 'tablerow', 'comment', 'raw']);

interface LiquidjsTemplate extends CompiledTemplate {
  readonly engine: 'liquidjs';
  readonly templates: Template[];
}

export function liquidjsEngine(): TemplateEngine {
  const liquid = new Liquid({
    ownPropertyOnly: true,
    templates: {},
    dynamicPartials: false,
    relativeReference: false,
    strictFilters: true,
    strictVariables: false,
    outputEscape: 'escape',
    parseLimit: LIQUID_TEMPLATE_MAX_CHARS,
    cache: false,
  });
  for (const name of FILE_TAGS) {
    liquid.registerTag(name, {
      parse(token) {
        throw new TemplateError(`the "${name}" tag is not available in portal blocks (they cannot load other templates)`, {
          line: token.getPosition()[0],
        });
      },
      render() {},
    });
  }

  return {
    parse(source) {
      checkNesting(source);
      try {
        const compiled: LiquidjsTemplate = { engine: 'liquidjs', templates: liquid.parse(source) };
        return compiled;
      } catch (e) {
        throw asTemplateError(e);
      }
    },
    async render(template, data, limits) {
      try {
        return String(
          await liquid.render((template as LiquidjsTemplate).templates, data, {
            renderLimit: limits.timeMs,
            memoryLimit: LIQUID_MEMORY_LIMIT,
            ownPropertyOnly: true,
          }),
        );
      } catch (e) {
        throw asTemplateError(e);
      }
    },
  };
}

/** A cheap scan of `{% tag %}` / `{% endtag %}` before parsing. */
function checkNesting(source: string): void {
  let depth = 0;
  for (const m of source.matchAll(/\{%-?\s*(end)?([a-z]+)/g)) {
    if (!BLOCK_TAGS.has(m[2]!)) continue;
    depth += m[1] ? -1 : 1;
    if (depth > LIQUID_MAX_NESTING) {
      const line = source.slice(0, m.index).split('\n').length;
      throw new TemplateError(`tags are nested deeper than ${LIQUID_MAX_NESTING} levels`, { line });
    }
  }
}

const LIMIT_MESSAGES = /render limit exceeded|memory alloc limit exceeded|parse length limit exceeded/;

function asTemplateError(e: unknown): TemplateError {
  if (e instanceof TemplateError) return e;
  // liquidjs wraps a tag's own parse error; ours carries the line already.
  const original = (e as { originalError?: unknown }).originalError;
  if (original instanceof TemplateError) return original;
  if (e instanceof LiquidError || (e instanceof Error && e.name.endsWith('Error'))) {
    const message = e.message.replace(/, line:\d+, col:\d+$/, '');
    const position = (e as { token?: { getPosition?: () => [number, number] } }).token?.getPosition?.();
    const limit = LIMIT_MESSAGES.test(e.message) || e instanceof RangeError;
    return new TemplateError(message.slice(0, 300), { line: position?.[0], limit });
  }
  return new TemplateError('the template failed');
}
