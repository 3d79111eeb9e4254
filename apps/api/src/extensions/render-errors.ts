import { readRows, uuidv7, type EntityManager, type Reader, type RenderErrorKind } from '@cartly/db';

/*
 * Render failures are written from the storefront's read path, so they are
 * throttled per process: the first failure of a (block, version) is written
 * at once (the merchant sees it, other replicas skip an inert block), later
 * ones are counted and folded into the next write at most every few seconds.
 */

const WRITE_EVERY_MS = 10_000;
const pending = new Map<string, { count: number; lastWrite: number }>();

export interface RenderFailure {
  shopId: string;
  blockId: string;
  version: number;
  kind: RenderErrorKind;
  message: string;
}

export async function recordRenderFailure(db: Reader | EntityManager, failure: RenderFailure, now = Date.now()): Promise<void> {
  const key = `${failure.blockId}:${failure.version}:${failure.kind}`;
  const state = pending.get(key) ?? { count: 0, lastWrite: 0 };
  state.count++;
  pending.set(key, state);
  if (now - state.lastWrite < WRITE_EVERY_MS) return;
  const count = state.count;
  state.count = 0;
  state.lastWrite = now;
  if (pending.size > 10_000) pending.clear();
  const at = new Date(now);
  try {
    // A `limit` failure wins over an earlier plain one: it is what makes the block inert.
    await readRows(
      db,
      `insert into "extension_render_error" ("id", "shop_id", "block_id", "version", "kind", "message", "count", "first_at", "last_at")
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict ("block_id", "version") do update set
         "kind" = case when excluded."kind" = 'limit' then 'limit' else "extension_render_error"."kind" end,
         "message" = excluded."message", "count" = "extension_render_error"."count" + excluded."count", "last_at" = excluded."last_at"`,
      [uuidv7(), failure.shopId, failure.blockId, failure.version, failure.kind, failure.message.slice(0, 500), count, at, at],
    );
  } catch (e) {
    // The block was deleted meanwhile (foreign key), or the database is busy: the slot still answers.
    state.count += count;
    console.error('[extensions] could not record a render failure:', (e as Error).message);
  }
}

/** A merchant retry: the recorded failure of the block's current version goes, so the block is rendered again. */
export async function clearRenderFailure(em: EntityManager, where: { shopId: string; blockId: string; version: number }): Promise<void> {
  await em.execute('delete from "extension_render_error" where "shop_id" = ? and "block_id" = ? and "version" = ?', [where.shopId, where.blockId, where.version]);
  for (const key of pending.keys()) if (key.startsWith(`${where.blockId}:`)) pending.delete(key);
}
