import type { ComponentChildren } from 'preact';
import type { PortalBlock } from '../api/extensions.js';
import { usePortal, type Route } from '../ui/context.js';
import { safeHttpsUrl } from './sanitize.js';

/*
 * Remote-UI blocks are JSON trees, never HTML: each node maps to one of the
 * widget's own components, so an app cannot inject markup, scripts or styles.
 * The API validated the tree (contracts/extensions/remote-ui.ts); it is read
 * here defensively anyway: unknown node types, bad URLs and trees past the
 * limits render nothing. Strings are only ever text nodes.
 */
type RemoteNode = NonNullable<PortalBlock['tree']>;
const MAX_DEPTH = 8;
const MAX_NODES = 200;
const TONES = ['info', 'success', 'warning', 'critical'];

interface Ctx {
  budget: { nodes: number };
  emit(target: EventTarget, name: string, payload: unknown): void;
}

/** Portal-relative hrefs (`/orders/…`) open the widget's own screens; anything else unknown is dropped. */
export function routeOf(path: string): Route | undefined {
  const [, first, second] = /^\/([a-z]*)\/?([\w-]*)$/.exec(path) ?? [];
  if (first === undefined) return undefined;
  if (first === '' || (first === 'account' && !second)) return { screen: 'overview' };
  if (first === 'account') return routeOf(`/${second}`); // the vendor's `/account/<screen>` paths
  if (first === 'orders') return second ? { screen: 'order', id: second } : { screen: 'orders' };
  const simple = ['returns', 'addresses', 'wishlist', 'profile', 'rewards', 'company'] as const;
  return (simple as readonly string[]).includes(first) && !second ? ({ screen: first } as Route) : undefined;
}

export function RemoteUi({ tree, app, block }: { tree: RemoteNode; app: string; block: string }) {
  const ctx: Ctx = {
    budget: { nodes: MAX_NODES },
    // An app's button posts a named event to the page (bubbling out of the shadow root); the widget runs no app code.
    emit: (target, name, payload) => target.dispatchEvent(new CustomEvent('cartly:extension-event', { bubbles: true, composed: true, detail: { app, block, name, payload } })),
  };
  return <div class="cp-remote">{node(tree, 1, ctx)}</div>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const kids = (v: unknown): RemoteNode[] => (Array.isArray(v) ? (v as RemoteNode[]) : []);

function Href({ href, children, cls }: { href: string; children: ComponentChildren; cls?: string }) {
  const { navigate } = usePortal();
  const route = href.startsWith('/') ? routeOf(href) : undefined;
  if (route) {
    return (
      <button type="button" class={cls ?? 'cp-link'} onClick={() => navigate(route)}>
        {children}
      </button>
    );
  }
  const url = safeHttpsUrl(href);
  return url ? (
    <a class={cls} href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : null;
}

function node(n: RemoteNode, depth: number, ctx: Ctx): ComponentChildren {
  if (!n || typeof n !== 'object' || depth > MAX_DEPTH || --ctx.budget.nodes < 0) return null;
  const children = (list: unknown) => kids(list).map((c) => node(c, depth + 1, ctx));
  switch (n.type) {
    case 'Stack':
      return <div class={`cp-stack cp-stack-${n.direction === 'horizontal' ? 'row' : 'column'} cp-gap-${['none', 'small', 'large'].includes(str(n.gap)) ? str(n.gap) : 'medium'}`}>{children(n.children)}</div>;
    case 'Text': {
      const text = n.emphasis === 'bold' ? <strong>{str(n.text)}</strong> : n.emphasis === 'italic' ? <em>{str(n.text)}</em> : str(n.text);
      return <p class={n.tone === 'subdued' ? 'cp-hint' : n.tone === 'critical' ? 'cp-field-error' : undefined}>{text}</p>;
    }
    case 'Heading':
      // Inside the widget h2 is the screen title: block headings start one level below.
      return n.level === 1 || n.level === undefined || n.level === 2 ? <h3>{str(n.text)}</h3> : <h4>{str(n.text)}</h4>;
    case 'Link':
      return <Href href={str(n.href)}>{str(n.text)}</Href>;
    case 'Button': {
      const action = (n.action ?? {}) as { type?: string; href?: unknown; name?: unknown; payload?: unknown };
      const cls = `cp-button${n.variant === 'secondary' || n.variant === 'plain' ? ' cp-secondary' : ''}`;
      if (action.type === 'navigate') return <Href href={str(action.href)} cls={cls}>{str(n.text)}</Href>;
      if (action.type !== 'event' || !str(action.name)) return null;
      return (
        <button type="button" class={cls} onClick={(e) => ctx.emit(e.currentTarget, str(action.name), action.payload ?? {})}>
          {str(n.text)}
        </button>
      );
    }
    case 'Image': {
      const src = safeHttpsUrl(str(n.src));
      const size = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined);
      return src ? <img src={src} alt={str(n.alt)} width={size(n.width)} height={size(n.height)} style={{ maxWidth: '100%', height: 'auto' }} /> : null;
    }
    case 'Banner':
      return (
        <div class={`cp-notice cp-banner-${TONES.includes(str(n.tone)) ? str(n.tone) : 'info'}`} role="note">
          {str(n.title) && <strong>{str(n.title)}</strong>}
          {children(n.children)}
        </div>
      );
    case 'Divider':
      return <hr />;
    case 'List': {
      const items = kids(n.items).map((c, i) => <li key={i}>{node(c, depth + 1, ctx)}</li>);
      return n.ordered === true ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    default:
      return null;
  }
}
