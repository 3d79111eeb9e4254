/*
 * The blocks of one extension slot (SPEC §6), as the widget renders them. The
 * storefront query that returns them (`GET /storefront/v1/portal/extensions`,
 * issue #10) is not on this branch yet: these shapes mirror the SPEC and are
 * replaced by `RouterOutputs[...]` of that procedure when it lands, in
 * `src/api/extensions.ts` (one line).
 */
export const SLOTS = ['header', 'footer', 'sidebar', 'account_overview', 'order_detail', 'return_detail'] as const;
export type Slot = (typeof SLOTS)[number];

/** A remote-UI node: one of a fixed set of safe components, with children. */
export type RemoteNode =
  | { type: 'Stack'; direction?: 'row' | 'column'; children?: RemoteNode[] }
  | { type: 'Text'; text: string; tone?: 'default' | 'subdued' }
  | { type: 'Heading'; text: string }
  | { type: 'Link'; text: string; href: string }
  | { type: 'Button'; text: string; href: string }
  | { type: 'Image'; src: string; alt: string }
  | { type: 'Banner'; title?: string; text: string; tone?: 'info' | 'success' | 'warning' | 'critical' }
  | { type: 'Divider' };

export type ExtensionBlock =
  | { id: string; kind: 'liquid'; html: string }
  | { id: string; kind: 'iframe'; src: string; title: string; sandbox: string; height?: number }
  | { id: string; kind: 'remote_ui'; tree: RemoteNode };
