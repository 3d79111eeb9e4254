/*
 * Example values for the OpenAPI document, derived from each operation's own JSON schema so they
 * cannot drift from it: a field's name picks a realistic value where one is known, its format or
 * pattern otherwise. The contract fuzz test checks every request example against its schema.
 */

type Schema = Record<string, unknown>;

const BY_NAME: Record<string, unknown> = {
  email: 'ada@example.com',
  identifier: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  company: 'Analytical Engines Ltd',
  address1: '12 St James\'s Square',
  address2: 'Flat 3',
  city: 'London',
  province: 'Greater London',
  zip: 'SW1Y 4JH',
  country_code: 'GB',
  phone: '+442071234567',
  title: 'Blue mug',
  handle: 'blue-mug',
  sku: 'MUG-BLUE-L',
  description: 'A sturdy stoneware mug.',
  tracking_number: '1Z999AA10123456784',
  currency: 'GBP',
  code: '123456',
  note: 'The handle arrived cracked.',
  reason_note: 'The handle arrived cracked.',
  redirect_url: 'https://shop.example.com/account',
  app_client_id: 'app_7Yx2kQ9bLm',
  access_token: 'cat_3q2+7w9X…',
  token: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImtleS0xIn0.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl',
  next_cursor: null,
};

const UUID = '0193b6c4-2f1e-7a3d-9c5b-8e4f2a1d6c7b';
const TIME = '2026-12-01T09:30:00.000Z';

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  // A reference into a part the document does not carry (yet) gives no example rather than failing the document.
  return ref.slice(2).split('/').reduce<Schema>((node, key) => (node?.[key] ?? {}) as Schema, root);
}

function firstType(schema: Schema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return (t as string[]).find((x) => x !== 'null');
  return t as string | undefined;
}

export function exampleOf(raw: Schema, root: Schema, name?: string, depth = 0): unknown {
  const schema = resolve(raw, root);
  if (depth > 8) return undefined;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return name === 'country_code' && schema.enum.includes('GB') ? 'GB' : schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options) {
      const chosen = options.map((o) => resolve(o, root)).find((o) => o.type !== 'null') ?? options[0]!;
      return exampleOf(chosen, root, name, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length) return exampleOf(schema.allOf[0] as Schema, root, name, depth + 1);
  switch (firstType(schema)) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(props)) {
        if (key === 'cursor') continue;
        const value = exampleOf(child, root, key, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'array': {
      // Recursive shapes (a remote-UI tree) stop nesting after a couple of levels.
      if (depth >= 3 && !(typeof schema.minItems === 'number' && schema.minItems > 0)) return [];
      const item = exampleOf((schema.items ?? {}) as Schema, root, name, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'string': return stringExample(schema, name);
    case 'integer':
    case 'number': {
      if (name === 'limit') return 20;
      const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined;
      if (name?.endsWith('_cents')) return Math.max(min ?? 0, 1999);
      return Math.max(min ?? 1, 1);
    }
    case 'boolean': return true;
    default: return name && name in BY_NAME ? BY_NAME[name] : undefined;
  }
}

function stringExample(schema: Schema, name?: string): string {
  if (schema.format === 'uuid' || name === 'id' || (name?.endsWith('_id') && name !== 'app_client_id')) return UUID;
  if (schema.format === 'date-time' || name?.endsWith('_at')) return TIME;
  if (schema.format === 'date' || name?.endsWith('_date')) return '1990-04-12';
  if (schema.format === 'email') return 'ada@example.com';
  if (name?.endsWith('_color')) return '#1A73E8';
  if (schema.format === 'uri') return 'https://shop.example.com/account';
  const named = name ? BY_NAME[name] : undefined;
  if (typeof named === 'string') return named;
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : '';
  if (pattern.includes('\\+[1-9]')) return '+442071234567';
  const digits = /^\^\\d\{(\d+)\}\$$/.exec(pattern);
  if (digits) return '1'.repeat(Number(digits[1]));
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 64;
  const base = max === 3 && min === 3 ? 'GBP' : 'example';
  return base.padEnd(min, 'x').slice(0, Math.max(max, min));
}
