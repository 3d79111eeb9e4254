import { z } from 'zod';

/*
 * Every string a client sends goes through `text()`, so every field, current and future, refuses
 * what no field may hold: C0/C1 control characters (NUL breaks PostgreSQL text columns, the others
 * hide in logs and UIs) and unpaired UTF-16 surrogates (not encodable as UTF-8). Multi-line fields
 * may keep tab, line feed and carriage return. The rule is a `pattern` in the OpenAPI document too.
 */
const SINGLE_LINE = /^[^\p{Cc}\p{Cs}]*$/u;
const MULTI_LINE = /^(?:[^\p{Cc}\p{Cs}]|[\t\n\r])*$/u;
export const CONTROL_CHARACTERS_MESSAGE = 'must not contain control characters or unpaired surrogates';

export interface TextOptions {
  /** Minimum length after trimming (default 0). */
  min?: number;
  max: number;
  /** Allow tab, line feed and carriage return (default false). */
  multiline?: boolean;
  /** Trim surrounding white space before checking (default true). */
  trim?: boolean;
}

/** A client-supplied string: bounded, optionally trimmed, free of control characters. */
export function text({ min = 0, max, multiline = false, trim = true }: TextOptions) {
  let s = z.string();
  if (trim) s = s.trim();
  s = s.regex(multiline ? MULTI_LINE : SINGLE_LINE, CONTROL_CHARACTERS_MESSAGE);
  if (min > 0) s = s.min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  return s.max(max, `must be at most ${max} characters`);
}

/** True when a JSON schema node is a string that `text()` (or a stricter pattern/format/enum) guards. */
export function isGuardedString(node: { type?: unknown; pattern?: unknown; format?: unknown; enum?: unknown; const?: unknown }): boolean {
  return node.type !== 'string' || node.format !== undefined || node.enum !== undefined || node.const !== undefined
    || (typeof node.pattern === 'string' && node.pattern.length > 0);
}
