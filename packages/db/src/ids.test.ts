import { expect, test } from 'vitest';
import { uuidv7 } from './ids.js';

test('ids made in a burst sort in the order they were made', () => {
  const ids = Array.from({ length: 10_000 }, () => uuidv7());
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
});

test('ids are version-7 UUIDs that PostgreSQL accepts', () => {
  expect(uuidv7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
