import { createHash } from 'node:crypto';
import { sanitizeBlockHtml } from './sanitize-block-html.js';
import { TemplateError, type CompiledTemplate, type TemplateEngine } from './liquid/engine.js';
import { BoundedCache } from '../lib/bounded-cache.js';

/*
 * Renders Liquid blocks for the storefront query. Compiled templates are kept
 * per (block, version); a finished, sanitised result per (block, version,
 * data), so a slot asked for again with the same data costs no rendering.
 * A version that broke a sandbox limit is remembered as inert here (and in
 * the database by the caller), so a hostile template costs its limit once.
 */

/** Rendered HTML beyond this many characters counts as an output bomb. */
export const BLOCK_OUTPUT_MAX_CHARS = 64 * 1024;
/**
 * Time is the one limit a busy machine can break for an innocent template (a
 * descheduled process, a GC pause): a block goes inert for time only when it
 * runs out twice. Memory and output limits are deterministic: once is enough.
 */
const TIME_STRIKES = 2;

export interface BlockRef {
  id: string;
  version: number;
  template: string;
}

export type BlockRenderResult =
  | { ok: true; html: string }
  | { ok: false; kind: 'limit' | 'error'; message: string };

export interface BlockRenderer {
  /** Parses a template at registration; the error names the line. */
  check(template: string): { ok: true } | { ok: false; message: string };
  /**
   * Never throws: a failure is an empty block and a reason. `timeMs` is what the slot's budget still allows;
   * `dataKey`, when given, is a string equal for equal data (saves serialising `data` again).
   */
  render(block: BlockRef, data: Record<string, unknown>, timeMs: number, dataKey?: string): Promise<BlockRenderResult>;
  /** Forget what is known about a block (the merchant asked for a retry). */
  forget(blockId: string): void;
}

export interface BlockRendererOptions {
  engine: TemplateEngine;
  /** A block's own time allowance; breaking it makes the version inert. */
  blockTimeMs: number;
  compiledEntries?: number;
  outputChars?: number;
}

export function createBlockRenderer(opts: BlockRendererOptions): BlockRenderer {
  const compiled = new BoundedCache<string, CompiledTemplate | TemplateError>({ maxEntries: opts.compiledEntries ?? 2_000 });
  const outputs = new BoundedCache<string, BlockRenderResult>({
    maxEntries: 20_000,
    maxWeight: opts.outputChars ?? 16 * 1024 * 1024,
    weigh: (r) => (r.ok ? r.html.length : r.message.length) + 100,
  });
  const inert = new BoundedCache<string, BlockRenderResult>({ maxEntries: 10_000 });
  const timeStrikes = new BoundedCache<string, number>({ maxEntries: 10_000 });

  const compile = (block: BlockRef) => {
    const key = `${block.id}:${block.version}`;
    let entry = compiled.get(key);
    if (!entry) {
      try {
        entry = opts.engine.parse(block.template);
      } catch (e) {
        entry = e instanceof TemplateError ? e : new TemplateError('the template does not parse');
      }
      compiled.set(key, entry);
    }
    return entry;
  };

  return {
    check(template) {
      try {
        opts.engine.parse(template);
        return { ok: true };
      } catch (e) {
        return { ok: false, message: e instanceof TemplateError ? e.message : 'does not parse' };
      }
    },

    async render(block, data, timeMs, dataKey) {
      const versionKey = `${block.id}:${block.version}`;
      const known = inert.get(versionKey);
      if (known) return known;
      const outputKey = `${versionKey}:${digest(dataKey ?? JSON.stringify(data))}`;
      const cached = outputs.get(outputKey);
      if (cached) return cached;
      if (timeMs <= 0) return { ok: false, kind: 'error', message: 'skipped: the slot\'s render budget was used up by the blocks before it' };

      const template = compile(block);
      if (template instanceof TemplateError) return remember(inert, versionKey, { ok: false, kind: 'limit', message: template.message });
      const allowance = Math.min(opts.blockTimeMs, timeMs);
      let result: BlockRenderResult;
      try {
        const html = await opts.engine.render(template, data, { timeMs: allowance });
        result = html.length > BLOCK_OUTPUT_MAX_CHARS
          ? { ok: false, kind: 'limit', message: `output of ${html.length} characters is over the ${BLOCK_OUTPUT_MAX_CHARS}-character limit` }
          : { ok: true, html: sanitizeBlockHtml(html) };
      } catch (e) {
        const error = e instanceof TemplateError ? e : new TemplateError('the template failed');
        result = { ok: false, kind: error.opts.limit ? 'limit' : 'error', message: error.message };
        if (error.opts.limit && /render limit/.test(error.message)) {
          // Cut short by what the slot had left, not by its own allowance: not the block's fault, try again next time.
          if (allowance < opts.blockTimeMs) return { ok: false, kind: 'error', message: 'skipped: the slot\'s render budget ran out while rendering it' };
          const strikes = (timeStrikes.get(versionKey) ?? 0) + 1;
          timeStrikes.set(versionKey, strikes);
          if (strikes < TIME_STRIKES) return { ok: false, kind: 'error', message: `${error.message} (once so far; a second time makes it inert)` };
        }
      }
      if (!result.ok && result.kind === 'limit') return remember(inert, versionKey, result);
      return remember(outputs, outputKey, result);
    },

    forget(blockId) {
      for (const cache of [inert, compiled, outputs, timeStrikes] as BoundedCache<string, unknown>[]) cache.deleteWhere((key) => key.startsWith(`${blockId}:`));
    },
  };
}

function remember<V>(cache: BoundedCache<string, V>, key: string, value: V): V {
  cache.set(key, value);
  return value;
}

/** The data a block sees, as a short key: equal data, equal output. */
function digest(serialised: string): string {
  return createHash('sha1').update(serialised).digest('base64url');
}
