import { expect, test } from 'vitest';
import { BoundedCache } from './bounded-cache.js';
import { jsonDepthExceeds } from './json-depth.js';

test('BoundedCache drops the least recently used entry past its count or weight', () => {
  const byCount = new BoundedCache<string, number>({ maxEntries: 2 });
  byCount.set('a', 1);
  byCount.set('b', 2);
  expect(byCount.get('a')).toBe(1); // a is now the most recent
  byCount.set('c', 3);
  expect([byCount.get('a'), byCount.get('b'), byCount.get('c')]).toEqual([1, undefined, 3]);

  const byWeight = new BoundedCache<string, string>({ maxEntries: 100, maxWeight: 10, weigh: (v) => v.length });
  byWeight.set('x', '123456');
  byWeight.set('y', '123456');
  expect([byWeight.get('x'), byWeight.get('y'), byWeight.size]).toEqual([undefined, '123456', 1]);
  byWeight.set('z', 'a'.repeat(50)); // heavier than the limit alone: kept, as the only entry
  expect(byWeight.size).toBe(1);
  byWeight.deleteWhere((k) => k === 'z');
  expect(byWeight.size).toBe(0);
});

test('jsonDepthExceeds counts nesting outside strings only', () => {
  expect(jsonDepthExceeds('{"a":[{"b":1}]}', 3)).toBe(false);
  expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
  expect(jsonDepthExceeds(JSON.stringify({ s: '[[[[[[{{{{' }), 1)).toBe(false);
  expect(jsonDepthExceeds(JSON.stringify({ s: 'quote \\" [[[[' }), 1)).toBe(false);
  expect(jsonDepthExceeds('[' .repeat(10_000) + ']'.repeat(10_000), 64)).toBe(true);
  expect(jsonDepthExceeds('', 64)).toBe(false);
});
