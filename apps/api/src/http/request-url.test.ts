import { describe, expect, it } from 'vitest';
import { requestUrl } from './request-url.js';

const standard = (raw: string) => new URL(raw, 'http://localhost');

describe('requestUrl reads a request line as WHATWG URL parsing does', () => {
  const samples = [
    '/storefront/v1/customer/addresses',
    '/storefront/v1/customer/addresses?limit=5&cursor=abc',
    '/storefront/v1/customer/addresses?',
    '/a?x=1&x=2&y=%20z+w',
    '/a?q=%zz',
    '/openapi.json',
    '/storefront/v1/../admin/v1/orders',
    '/storefront/v1/%2e%2e/admin',
    '/a\\b',
    '/a?x=1#frag',
    '//double/slash',
    '/a b?c d',
    '/ünï?ç=ë',
    `/a?q=it's<"x">`,
    '/a/?b=%41',
    '',
  ];
  for (const raw of samples) {
    it(`"${raw}"`, () => {
      const ours = requestUrl(raw);
      const theirs = standard(raw || '/');
      expect(ours.pathname).toBe(theirs.pathname);
      expect(ours.search).toBe(theirs.search);
      expect([...ours.searchParams]).toEqual([...theirs.searchParams]);
    });
  }
});
