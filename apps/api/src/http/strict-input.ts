import type { AnyRouter } from '@trpc/server';

/*
 * trpc-to-openapi "coerces" REST input by setting `coerce = true` on every number, boolean,
 * bigint and date field of a procedure's input schema, at each request. That mutates the one
 * schema both faces share, so `"false"` became `true`, `[1]` became `1` — over REST, and over tRPC
 * after the first REST call. We pin each such flag to what the contract declared: fields written
 * with `z.coerce` (the page `limit` in a query string) still coerce, every other field is strict.
 */

interface ZodLike { _zod?: { def: Record<string, unknown> } }
const COERCIBLE = new Set(['number', 'boolean', 'bigint', 'date']);

function visit(schema: unknown, seen: Set<unknown>): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const def = (schema as ZodLike)._zod?.def;
  if (!def) return;
  if (COERCIBLE.has(String(def.type))) {
    const declared = Boolean(def.coerce);
    Object.defineProperty(def, 'coerce', { get: () => declared, set: () => {}, configurable: true, enumerable: true });
  }
  for (const value of Object.values(def)) {
    if (Array.isArray(value)) value.forEach((v) => visit(v, seen));
    else if (typeof value === 'function' && def.type === 'lazy') visit((value as () => unknown)(), seen);
    else if (value && typeof value === 'object') {
      if ((value as ZodLike)._zod) visit(value, seen);
      else if (def.type === 'object') Object.values(value).forEach((v) => visit(v, seen)); // the shape
    }
  }
}

/** Pins the coercion flag of every input field of every procedure (idempotent). */
export function pinInputCoercion(router: AnyRouter): void {
  const seen = new Set<unknown>();
  for (const procedure of Object.values(router._def.procedures as Record<string, { _def: { inputs?: unknown[] } }>)) {
    for (const input of procedure._def.inputs ?? []) visit(input, seen);
  }
}
