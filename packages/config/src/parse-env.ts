import type { z } from 'zod';

/** Validates configuration once at start-up; every problem is named in one error. */
export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, unknown>, overrides: Partial<z.infer<S>> = {}): z.infer<S> {
  const parsed = schema.safeParse({ ...source, ...overrides });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
