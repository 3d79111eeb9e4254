import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { isGuardedString } from './text.js';

// Every input schema of every domain, found by name (Z…Input) in each domain's index.
const src = fileURLToPath(new URL('..', import.meta.url));
const domains = readdirSync(src, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'common' && d.name !== 'workflows');
const inputs: [string, z.ZodType][] = [];
for (const d of domains) {
  const mod = (await import(`../${d.name}/index.ts`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (/^Z\w+Input$/.test(name) && value instanceof z.ZodType) inputs.push([`${d.name}.${name}`, value]);
  }
}

type Node = Record<string, unknown>;
function* strings(node: unknown, path: string): Generator<[string, Node]> {
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'string') yield [path, n];
  for (const [k, v] of Object.entries(n)) {
    if (k === 'properties' && v && typeof v === 'object') {
      for (const [p, child] of Object.entries(v)) yield* strings(child, `${path}.${p}`);
    } else if (Array.isArray(v)) {
      for (const child of v) yield* strings(child, path);
    } else if (k === 'items' || k === 'additionalProperties') yield* strings(v, `${path}[]`);
  }
}

describe('every input string field refuses control characters (it is built with text() or is stricter)', () => {
  test('the contracts were found', () => expect(inputs.length).toBeGreaterThan(20));
  test.each(inputs)('%s', (_name, schema) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    const loose = [...strings(json, '')].filter(([, n]) => !isGuardedString(n)).map(([p]) => p);
    expect(loose).toEqual([]);
  });
});
