import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/*
 * What a failed request logs. A database error's message, detail and SQL
 * carry the statement's bound values (emails, phones, addresses, token
 * hashes), so of such an error only its code, constraint, table and column
 * are logged; never a request's input, headers or body. Each line names the
 * request id the client got in X-Request-Id, so a report can be matched.
 */

// A symbol-keyed property, not a WeakMap: an entry per request would be one more ephemeron for every GC to trace.
const REQUEST_ID = Symbol('requestId');
type Tagged = IncomingMessage & { [REQUEST_ID]?: string };

/** Gives the request an id (answered as X-Request-Id) and returns it. */
export function assignRequestId(req: IncomingMessage): string {
  const id = randomUUID();
  (req as Tagged)[REQUEST_ID] = id;
  return id;
}

export function requestIdOf(req: IncomingMessage | undefined): string {
  return (req as Tagged | undefined)?.[REQUEST_ID] ?? '-';
}

/** A PostgreSQL error (pg's DatabaseError, or MikroORM's exception carrying its fields): SQLSTATE is 5 characters. */
function isDatabaseError(e: object): e is { code: string; constraint?: string; table?: string; column?: string } {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

function describeOne(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  if (isDatabaseError(e)) {
    const fields = { code: e.code, constraint: e.constraint, table: e.table, column: e.column };
    return `${e.name} ${Object.entries(fields).filter(([, v]) => typeof v === 'string').map(([k, v]) => `${k}=${v}`).join(' ')}`;
  }
  // Not from the database: the message and the stack's frames (no values of a statement).
  return (e.stack ?? `${e.name}: ${e.message}`).split('\n').slice(0, 6).join('\n');
}

/** The error and its causes, redacted as above. */
export function describeError(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e, depth = 0; cur !== undefined && depth < 5; depth++) {
    parts.push(describeOne(cur));
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return parts.join('\n  caused by: ');
}

export function logRequestError(req: IncomingMessage | undefined, what: string, e: unknown): void {
  console.error(`[api] request ${requestIdOf(req)} ${what} failed: ${describeError(e)}`);
}
