import { z } from 'zod';
import { ZId, ZMoneyCents, ZTimestamp } from '../common/schemas.js';

export const ZVariant = z.object({
  id: ZId,
  title: z.string(),
  sku: z.string().nullable(),
  price_cents: ZMoneyCents,
});

export const ZProduct = z
  .object({
    id: ZId,
    title: z.string(),
    handle: z.string(),
    description: z.string().nullable(),
    status: z.enum(['active', 'draft', 'archived']),
    variants: z.array(ZVariant),
    created_at: ZTimestamp,
  })
  .describe('A product with its variants.');
