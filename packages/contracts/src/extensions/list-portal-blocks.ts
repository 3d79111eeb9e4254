import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZExtensionPoint, ZPortalBlock } from './schemas.js';

export const listPortalBlocksMeta = route({
  method: 'GET', path: '/storefront/v1/portal/extensions', auth: 'storefront_optional_customer',
  tags: ['Extensions'], summary: 'The active blocks of one portal slot, in the merchant\'s order, ready to draw',
  description:
    'Blocks of apps installed on the SAT\'s shop that both the app and the merchant have switched on. Liquid is rendered ' +
    'server-side in a sandbox against `shop` (name, currency, locale), `customer` (id, first_name, email, tags; only with a ' +
    'CAT of this shop) and, for their slots, the `order` / `return` whose id is passed, only when it is the customer\'s own: ' +
    'otherwise the block renders without it and nothing tells whether the id exists. The HTML is sanitised. A block that fails ' +
    'or breaks a sandbox limit comes back with empty `html`; the whole slot renders within a fixed time budget (counted from when its data is loaded).',
});
export const ZListPortalBlocksInput = z
  .strictObject({
    point: ZExtensionPoint,
    order_id: ZId.optional().describe('For `order_detail`: the order being viewed.'),
    return_id: ZId.optional().describe('For `return_detail`: the return being viewed.'),
  })
  .superRefine((input, ctx) => {
    if (input.order_id !== undefined && input.point !== 'order_detail') {
      ctx.addIssue({ code: 'custom', path: ['order_id'], message: 'is only for point "order_detail"' });
    }
    if (input.return_id !== undefined && input.point !== 'return_detail') {
      ctx.addIssue({ code: 'custom', path: ['return_id'], message: 'is only for point "return_detail"' });
    }
  });
export const ZListPortalBlocksOutput = z.object({ items: z.array(ZPortalBlock).describe('Active blocks, in order.') });
