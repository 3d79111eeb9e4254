import { z } from 'zod';
import { text } from './text.js';

export const MAX_PAGE_SIZE = 100;
const LIMIT_MESSAGE = `must be a whole number from 1 to ${MAX_PAGE_SIZE}`;

/** Query fields every list route accepts. */
export const pageInputShape = {
  cursor: text({ max: 200 }).optional().describe('Opaque cursor from a previous page\'s `next_cursor`; pass it back unchanged.'),
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int(LIMIT_MESSAGE)
    .min(1, LIMIT_MESSAGE)
    .max(MAX_PAGE_SIZE, LIMIT_MESSAGE)
    .default(20)
    .describe(`Page size, 1 to ${MAX_PAGE_SIZE} (default 20).`),
};
export const ZPageInput = z.strictObject(pageInputShape);
export type PageInput = z.infer<typeof ZPageInput>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    next_cursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
  });
}
