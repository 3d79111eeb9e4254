import { z } from 'zod';
import { route } from '../common/route.js';
import { ZProduct } from './schemas.js';

export const adminCreateProductMeta = route({
  method: 'POST', path: '/admin/products', auth: 'admin', scope: 'write_products',
  tags: ['Admin'], summary: 'Create a product with its variants', errors: [409],
});
export const ZAdminCreateProductInput = z.strictObject({
  title: z.string().trim().min(1).max(255).describe('Product title.'),
  handle: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
    .max(255)
    .optional()
    .describe('URL handle, unique in the shop; derived from the title when omitted.'),
  description: z.string().max(10_000).optional(),
  status: z.enum(['active', 'draft', 'archived']).default('active'),
  variants: z
    .array(
      z.strictObject({
        title: z.string().trim().min(1).max(255).describe('Variant title, e.g. "Large / Blue".'),
        sku: z.string().trim().max(100).optional(),
        price_cents: z.number().int().min(0).max(100_000_000).describe('Price in minor units.'),
      }),
    )
    .min(1)
    .max(100)
    .describe('At least one variant.'),
});
export const ZAdminCreateProductOutput = ZProduct;
