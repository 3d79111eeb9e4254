import { listSlotBlocks, type PortalBlock, type SlotQuery } from '../api/extensions.js';
import { usePortal } from '../ui/context.js';
import { useLoad } from '../ui/kit.js';
import { RemoteUi, routeOf } from './remote-ui.js';
import { safeHttpsUrl, sanitizeBlockHtml } from './sanitize.js';

/** Sandbox tokens an iframe block may carry; `allow-same-origin` with `allow-scripts` would undo the sandbox. */
const IFRAME_TOKENS = new Set(['allow-scripts', 'allow-forms', 'allow-popups', 'allow-popups-to-escape-sandbox']);

/** The server's sandbox value, narrowed to the tokens above (defence in depth: a server bug must not widen it). */
export function iframeSandbox(serverValue: string): string {
  return serverValue
    .split(/\s+/)
    .filter((t) => IFRAME_TOKENS.has(t))
    .join(' ');
}

/**
 * One extension slot (SPEC §6): the app blocks the API returns for it, in the
 * merchant's order. An empty slot, a slow one and a failing one render
 * nothing: an app's block must never break or blank the screen around it.
 */
export function ExtensionSlot({ query, session }: { query: SlotQuery; session?: string | undefined }) {
  const { api } = usePortal();
  // The session is a dependency: Liquid blocks see the customer only with a CAT.
  const load = useLoad(() => listSlotBlocks(api, query), [query.point, query.order_id, query.return_id, session]);
  return load.state === 'ready' ? <SlotBlocks point={query.point} blocks={load.data.items} /> : null;
}

export function SlotBlocks({ point, blocks }: { point: SlotQuery['point']; blocks: PortalBlock[] }) {
  if (blocks.length === 0) return null;
  return (
    <div class={`cp-slot cp-slot-${point}`} data-slot={point}>
      {blocks.map((b) => (
        <div key={b.id} class="cp-block" data-block={b.slug} data-app={b.app.client_id}>
          <Block block={b} />
        </div>
      ))}
    </div>
  );
}

function Block({ block }: { block: PortalBlock }) {
  switch (block.kind) {
    case 'liquid':
      return block.html ? <LiquidHtml html={block.html} /> : null;
    case 'iframe': {
      const src = block.iframe && safeHttpsUrl(block.iframe.url);
      if (!block.iframe || !src) return null;
      const height = typeof block.settings.height === 'number' ? block.settings.height : 200;
      return (
        <iframe
          src={src}
          title={block.title}
          sandbox={iframeSandbox(block.iframe.sandbox)}
          allow={block.iframe.allow}
          referrerpolicy={block.iframe.referrer_policy as 'no-referrer'}
          loading="lazy"
          style={{ width: '100%', border: 0, height: `${Math.min(Math.max(height, 40), 2000)}px` }}
        />
      );
    }
    case 'remote_ui':
      return block.tree ? <RemoteUi tree={block.tree} app={block.app.client_id} block={block.slug} /> : null;
  }
}

/** Sanitised again here; a link to a portal path opens that screen of the widget instead of leaving the page. */
function LiquidHtml({ html }: { html: string }) {
  const { navigate } = usePortal();
  const open = (e: MouseEvent) => {
    const link = (e.target as Element | null)?.closest?.('a');
    const href = link?.getAttribute('href');
    if (!href?.startsWith('/')) return;
    e.preventDefault();
    const route = routeOf(href);
    if (route) navigate(route);
  };
  return <div class="cp-liquid" onClick={open} dangerouslySetInnerHTML={{ __html: sanitizeBlockHtml(html) }} />;
}
