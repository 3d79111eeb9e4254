import { z } from 'zod';
import { text } from '../common/text.js';
import { route } from '../common/route.js';
import { ZRemoteUiTree } from './remote-ui.js';
import { LIQUID_TEMPLATE_MAX_CHARS, ZAppBlock, ZBlockKind, ZBlockSettings, ZBlockSlug, ZExtensionPoint } from './schemas.js';

export const upsertBlockMeta = route({
  method: 'POST', path: '/apps/api/blocks/{slug}/portal-extensions', auth: 'app',
  tags: ['Extensions'], summary: 'Register or update one of the calling app\'s portal blocks (upsert by slug)',
  description:
    'The first call with a slug creates the block at the end of its slot; later calls replace its content and add one to ' +
    '`version`, keeping the merchant\'s placement, switch and setting overrides. A Liquid template that does not parse ' +
    '(400 naming the line), an iframe URL that is not https on a host of the app\'s allow-list (400), or a remote-UI tree ' +
    'outside the component set or its limits (400 naming the node) is refused and nothing is saved. At most 50 blocks per app (422).',
  errors: [413, 422],
});

const KIND_FIELD = { liquid: 'template', iframe: 'url', remote_ui: 'tree' } as const;

export const ZUpsertBlockInput = z
  .strictObject({
    slug: ZBlockSlug,
    point: ZExtensionPoint.describe('The slot the block is for.'),
    allowed_points: z.array(ZExtensionPoint).max(6).optional().describe('Other slots the merchant may move it to; `point` is always allowed.'),
    kind: ZBlockKind,
    title: text({ min: 1, max: 200 }).describe('Shown to the merchant, and as the block\'s accessible name.'),
    template: text({ max: LIQUID_TEMPLATE_MAX_CHARS, trim: false, multiline: true })
      .optional()
      .describe('Kind `liquid`: the template. Sees `shop`, `customer` (with a CAT), `order` / `return` (their slots, when the portal passes an id of the customer\'s own), `settings` and `block`.'),
    url: text({ max: 2048, trim: false }).optional().describe('Kind `iframe`: an https URL whose host is on the app\'s allow-list; no credentials, no IP address.'),
    tree: ZRemoteUiTree.optional(),
    settings: ZBlockSettings.optional().describe('The app\'s settings (default none); the merchant may override their values.'),
    enabled: z.boolean().optional().describe('The app\'s switch (default on).'),
  })
  .superRefine((input, ctx) => {
    for (const [kind, field] of Object.entries(KIND_FIELD)) {
      const present = input[field] !== undefined;
      if (kind === input.kind && !present) ctx.addIssue({ code: 'custom', path: [field], message: `is required for kind "${kind}"` });
      if (kind !== input.kind && present) ctx.addIssue({ code: 'custom', path: [field], message: `is only for kind "${kind}"` });
    }
  });
export type UpsertBlockInput = z.infer<typeof ZUpsertBlockInput>;
export const ZUpsertBlockOutput = ZAppBlock;
