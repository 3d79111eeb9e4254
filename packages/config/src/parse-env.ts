import type { z } from 'zod';

/** A setting production cannot run without (outside production a safe default stands in), and what it is. */
export interface ProductionRequirement {
  key: string;
  what: string;
}

/**
 * Validates configuration once at start-up; every problem is named in one
 * error. `requiredInProduction` is the one list of settings that have a
 * development default but none in production (secrets, the SMS provider).
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, unknown>,
  overrides: Partial<z.infer<S>> = {},
  requiredInProduction: readonly ProductionRequirement[] = [],
): z.infer<S> {
  const parsed = schema.safeParse({ ...source, ...overrides });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const env = parsed.data as Record<string, unknown>;
  if (env.NODE_ENV === 'production') {
    const missing = requiredInProduction.filter((r) => env[r.key] === undefined || env[r.key] === '');
    if (missing.length) {
      throw new Error(`invalid configuration: ${missing.map((r) => `${r.key} (${r.what}) is required in production`).join('; ')}`);
    }
  }
  return parsed.data;
}
