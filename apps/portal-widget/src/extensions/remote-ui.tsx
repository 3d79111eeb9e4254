import type { ComponentChildren } from 'preact';
import type { RemoteNode } from './types.js';
import { safeHttpsUrl } from './sanitize.js';

/*
 * Remote-UI blocks are JSON trees, never HTML: each node maps to one of the
 * widget's own components, so an app cannot inject markup, scripts or styles.
 * Unknown node types, bad URLs and trees deeper than MAX_DEPTH render nothing.
 */
const MAX_DEPTH = 12;
const MAX_NODES = 300;

export function RemoteUi({ tree }: { tree: RemoteNode }) {
  const budget = { nodes: MAX_NODES };
  return <div class="cp-remote">{renderNode(tree, 0, budget)}</div>;
}

function renderNode(node: RemoteNode, depth: number, budget: { nodes: number }): ComponentChildren {
  if (!node || typeof node !== 'object' || depth > MAX_DEPTH || --budget.nodes < 0) return null;
  switch (node.type) {
    case 'Stack':
      return (
        <div class={`cp-stack cp-stack-${node.direction === 'row' ? 'row' : 'column'}`}>
          {(Array.isArray(node.children) ? node.children : []).map((c) => renderNode(c, depth + 1, budget))}
        </div>
      );
    case 'Text':
      return <p class={node.tone === 'subdued' ? 'cp-hint' : undefined}>{String(node.text ?? '')}</p>;
    case 'Heading':
      return <h3>{String(node.text ?? '')}</h3>;
    case 'Link': {
      const href = safeHttpsUrl(String(node.href ?? ''));
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {String(node.text ?? '')}
        </a>
      ) : null;
    }
    case 'Button': {
      const href = safeHttpsUrl(String(node.href ?? ''));
      return href ? (
        <a class="cp-button" href={href} target="_blank" rel="noopener noreferrer">
          {String(node.text ?? '')}
        </a>
      ) : null;
    }
    case 'Image': {
      const src = safeHttpsUrl(String(node.src ?? ''));
      return src ? <img src={src} alt={String(node.alt ?? '')} style={{ maxWidth: '100%' }} /> : null;
    }
    case 'Banner':
      return (
        <div class={`cp-notice cp-banner-${['info', 'success', 'warning', 'critical'].includes(node.tone ?? '') ? node.tone : 'info'}`} role="note">
          {node.title && <strong>{String(node.title)}</strong>}
          <p>{String(node.text ?? '')}</p>
        </div>
      );
    case 'Divider':
      return <hr />;
    default:
      return null;
  }
}
