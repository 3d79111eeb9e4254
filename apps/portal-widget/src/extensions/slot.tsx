import { RemoteUi } from './remote-ui.js';
import { safeHttpsUrl, sanitizeBlockHtml } from './sanitize.js';
import type { ExtensionBlock, Slot } from './types.js';

/** Sandbox tokens an iframe block may carry; `allow-same-origin` with `allow-scripts` would undo the sandbox. */
const IFRAME_TOKENS = new Set(['allow-scripts', 'allow-forms', 'allow-popups', 'allow-popups-to-escape-sandbox']);

export function iframeSandbox(serverValue: string): string {
  return serverValue
    .split(/\s+/)
    .filter((t) => IFRAME_TOKENS.has(t))
    .join(' ');
}

/** The blocks of one slot, in the server's order; an empty slot renders nothing at all. */
export function ExtensionSlot({ slot, blocks }: { slot: Slot; blocks: ExtensionBlock[] }) {
  if (blocks.length === 0) return null;
  return (
    <div class={`cp-slot cp-slot-${slot}`} data-slot={slot}>
      {blocks.map((b) => (
        <div key={b.id} class="cp-block" data-block={b.id}>
          <Block block={b} />
        </div>
      ))}
    </div>
  );
}

function Block({ block }: { block: ExtensionBlock }) {
  switch (block.kind) {
    case 'liquid':
      return <div class="cp-liquid" dangerouslySetInnerHTML={{ __html: sanitizeBlockHtml(block.html) }} />;
    case 'iframe': {
      const src = safeHttpsUrl(block.src);
      if (!src) return null;
      return <iframe src={src} title={block.title} sandbox={iframeSandbox(block.sandbox)} referrerpolicy="no-referrer" loading="lazy" style={{ width: '100%', border: 0, height: `${Math.min(Math.max(block.height ?? 200, 40), 2000)}px` }} />;
    }
    case 'remote_ui':
      return <RemoteUi tree={block.tree} />;
  }
}
