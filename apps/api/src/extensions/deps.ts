import type { Adapters } from '../adapters/adapters.js';
import type { Env } from '../env.js';
import { createBlockRenderer, type BlockRenderer } from './block-renderer.js';
import { liquidjsEngine } from './liquid/liquidjs-engine.js';

/** What the extensions handlers need beyond the request. */
export interface ExtensionsDeps {
  /** Liquid sandbox of extension blocks, with its per-process template and output caches. */
  blockRenderer: BlockRenderer;
}

export function extensionsDeps(_adapters: Adapters, env: Env): ExtensionsDeps {
  return {
    blockRenderer: createBlockRenderer({ engine: liquidjsEngine(), blockTimeMs: env.EXTENSIONS_BLOCK_RENDER_MS }),
  };
}
