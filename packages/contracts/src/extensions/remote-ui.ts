import { z } from 'zod';

/*
 * Remote UI (SPEC §6): a block described as data, drawn by the portal with its
 * own components. The set is fixed and every string bounded; nothing in a tree
 * is ever executed: links go to https or portal-relative addresses, and actions
 * are navigations or named events posted to the app.
 */

export const REMOTE_UI_MAX_DEPTH = 8;
export const REMOTE_UI_MAX_NODES = 200;
export const REMOTE_UI_COMPONENTS = ['Stack', 'Text', 'Heading', 'Link', 'Button', 'Image', 'Banner', 'Divider', 'List'] as const;

const text = (max: number, what: string) => z.string().min(1).max(max).describe(what);

/** https://… or a path inside the portal (`/orders/1`), never `//host`, `javascript:`, `data:` and the like. */
export const ZSafeHref = z
  .string()
  .max(2048)
  .refine(isSafeHref, 'must be an https URL or a portal-relative path starting with a single /')
  .describe('An https URL, or a path inside the portal starting with `/`.');

export function isSafeHref(href: string): boolean {
  // Control characters and backslashes let browsers read a "relative" path as another scheme or host.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(href)) return false;
  if (href.startsWith('/')) return !href.startsWith('//');
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const ZHttpsSrc = z
  .string()
  .max(2048)
  .refine((s) => isSafeHref(s) && !s.startsWith('/'), 'must be an https URL')
  .describe('An https image URL.');

const ZEventName = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'must be 1-64 characters: lower-case letters, digits, "_", "." or "-", starting with a letter')
  .describe('Name of the event posted to the app.');

export const ZRemoteUiAction = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('navigate'), href: ZSafeHref }).describe('Go to an address.'),
    z
      .strictObject({
        type: z.literal('event'),
        name: ZEventName,
        payload: z
          .record(z.string().regex(/^[a-zA-Z0-9_]{1,40}$/), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]))
          .refine((p) => Object.keys(p).length <= 20, 'at most 20 entries')
          .optional()
          .describe('Flat data sent with the event.'),
      })
      .describe('Post a named event (with its payload) to the app; the portal never runs app code.'),
  ])
  .describe('What happens on press.');

export interface RemoteUiNodeShape {
  type: (typeof REMOTE_UI_COMPONENTS)[number];
  [key: string]: unknown;
}

const children = (what: string) => z.array(z.lazy(() => ZRemoteUiNode)).max(50).describe(what);

const ZStack = z.strictObject({
  type: z.literal('Stack'),
  direction: z.enum(['vertical', 'horizontal']).optional().describe('Default vertical.'),
  gap: z.enum(['none', 'small', 'medium', 'large']).optional(),
  children: children('Nodes laid out in order.'),
});
const ZText = z.strictObject({
  type: z.literal('Text'),
  text: text(2000, 'Plain text; never interpreted as HTML.'),
  tone: z.enum(['default', 'subdued', 'success', 'critical']).optional(),
  emphasis: z.enum(['bold', 'italic']).optional(),
});
const ZHeading = z.strictObject({
  type: z.literal('Heading'),
  text: text(200, 'Heading text.'),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional().describe('1 to 3; default 2.'),
});
const ZLink = z.strictObject({ type: z.literal('Link'), text: text(200, 'Link text.'), href: ZSafeHref });
const ZButton = z.strictObject({
  type: z.literal('Button'),
  text: text(100, 'Button label.'),
  variant: z.enum(['primary', 'secondary', 'plain']).optional(),
  action: ZRemoteUiAction,
});
const ZImage = z.strictObject({
  type: z.literal('Image'),
  src: ZHttpsSrc,
  alt: z.string().max(300).describe('Text alternative (empty for decoration).'),
  width: z.number().int().min(1).max(4000).optional(),
  height: z.number().int().min(1).max(4000).optional(),
});
const ZBanner = z.strictObject({
  type: z.literal('Banner'),
  tone: z.enum(['info', 'success', 'warning', 'critical']),
  title: text(200, 'Banner title.').optional(),
  children: children('Banner content.').optional(),
});
const ZDivider = z.strictObject({ type: z.literal('Divider') });
const ZList = z.strictObject({
  type: z.literal('List'),
  ordered: z.boolean().optional(),
  items: children('One node per list item.'),
});

export const ZRemoteUiNode: z.ZodType<RemoteUiNodeShape> = z
  .discriminatedUnion('type', [ZStack, ZText, ZHeading, ZLink, ZButton, ZImage, ZBanner, ZDivider, ZList])
  .describe(`A component: one of ${REMOTE_UI_COMPONENTS.join(', ')}.`)
  .meta({ id: 'RemoteUiNode' }) as unknown as z.ZodType<RemoteUiNodeShape>;

/** Node count and depth of a tree, iteratively (a hostile tree must not exhaust the stack). */
export function measureTree(root: unknown): { nodes: number; depth: number; deepestPath: (string | number)[] } {
  let nodes = 0;
  let depth = 0;
  let deepestPath: (string | number)[] = [];
  const stack: { node: unknown; depth: number; path: (string | number)[] }[] = [{ node: root, depth: 1, path: [] }];
  while (stack.length > 0) {
    const { node, depth: d, path } = stack.pop()!;
    if (node === null || typeof node !== 'object' || Array.isArray(node)) continue;
    nodes++;
    if (d > depth) [depth, deepestPath] = [d, path];
    // Stop descending past the limit: the answer is already "too deep".
    if (d > REMOTE_UI_MAX_DEPTH || nodes > REMOTE_UI_MAX_NODES) continue;
    for (const key of ['children', 'items'] as const) {
      const kids = (node as Record<string, unknown>)[key];
      if (Array.isArray(kids)) kids.forEach((k, i) => stack.push({ node: k, depth: d + 1, path: [...path, key, i] }));
    }
  }
  return { nodes, depth, deepestPath };
}

/**
 * A whole tree: its size and depth are checked before the components are
 * (so a tree nested ten thousand deep is refused cheaply, by name).
 */
export const ZRemoteUiTree = z
  .unknown()
  .superRefine((tree, ctx) => {
    const { nodes, depth, deepestPath } = measureTree(tree);
    if (depth > REMOTE_UI_MAX_DEPTH) {
      ctx.addIssue({ code: 'custom', path: deepestPath.slice(0, REMOTE_UI_MAX_DEPTH * 2), message: `is nested deeper than ${REMOTE_UI_MAX_DEPTH} levels` });
    } else if (nodes > REMOTE_UI_MAX_NODES) {
      ctx.addIssue({ code: 'custom', message: `has more than ${REMOTE_UI_MAX_NODES} nodes` });
    }
  })
  .pipe(ZRemoteUiNode)
  .describe(`A remote-UI tree: at most ${REMOTE_UI_MAX_DEPTH} levels and ${REMOTE_UI_MAX_NODES} nodes.`)
  // The depth guard's input side is `unknown`; document the shape it lets through.
  .meta({ override: { $ref: '#/components/schemas/RemoteUiNode' } });
export type RemoteUiNode = RemoteUiNodeShape;
