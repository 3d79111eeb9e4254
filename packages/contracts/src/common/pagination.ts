import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

/** Query fields every list route accepts. */
export const pageInputShape = {
  cursor: z.string().max(200).optional().describe('Opaque cursor from a previous page\'s `next_cursor`.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
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
