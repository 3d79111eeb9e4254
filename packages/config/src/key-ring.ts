import type { z } from 'zod';

/**
 * Parses a key ring from configuration: a JSON array of keys, each with a
 * unique `kid`. The first key is the current one (it signs or encrypts); the
 * others stay to verify or decrypt what older keys produced, which is how a
 * rotation works. Errors name the variable and at most a kid, never key material.
 */
export function parseKeyRing<K extends { kid: string }>(name: string, raw: string, key: z.ZodType<K>, describe: string): K[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`invalid configuration: ${name} must be a JSON array`);
  }
  const keys = Array.isArray(json) && json.length > 0 ? json.map((k) => key.safeParse(k)) : [];
  if (keys.length === 0 || keys.some((k) => !k.success)) {
    throw new Error(`invalid configuration: ${name} must be an array of ${describe}`);
  }
  const parsed = keys.map((k) => k.data as K);
  const kids = parsed.map((k) => k.kid);
  if (new Set(kids).size !== kids.length) throw new Error(`invalid configuration: ${name} has duplicate kids`);
  return parsed;
}
