import type { PageInput } from '@cartly/contracts';
import type { EntityManager, EntityName, FilterQuery } from '@cartly/db';
import { AppError } from '../errors.js';

/*
 * Keyset pagination on time-ordered (UUIDv7) primary keys: the cursor is the
 * last id seen, base64url-wrapped so clients treat it as opaque.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id)) throw new AppError('VALIDATION_FAILED', 'cursor: is not a cursor this API issued');
  return id;
}

/** `where` fragment for the page after `cursor`, newest-first or oldest-first. */
function afterCursor(page: PageInput, order: 'asc' | 'desc') {
  const id = decodeCursor(page.cursor);
  if (!id) return {};
  return { id: order === 'desc' ? { $lt: id } : { $gt: id } };
}

/** Fetch limit+1 rows, then split into the page and the next cursor. */
export function toPage<Row extends { id: string }, Item>(rows: Row[], page: PageInput, map: (row: Row) => Item) {
  const hasMore = rows.length > page.limit;
  const slice = hasMore ? rows.slice(0, page.limit) : rows;
  const last = slice.at(-1);
  return {
    items: slice.map(map),
    next_cursor: hasMore && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null,
  };
}

/**
 * One page of a shop's rows, newest first: the keyset query every list uses.
 * `where` must already carry the tenant (`shop`) and any owner filter.
 */
export async function findPage<Row extends { id: string }>(
  em: EntityManager,
  entity: EntityName<Row>,
  where: FilterQuery<Row>,
  page: PageInput,
): Promise<{ items: Row[]; next_cursor: string | null }> {
  const after = afterCursor(page, 'desc') as FilterQuery<Row>;
  const rows = await em.find(entity, { $and: [where, after] } as FilterQuery<Row>, {
    orderBy: { id: 'desc' } as never,
    limit: page.limit + 1,
  });
  return toPage(rows as Row[], page, (r) => r);
}
