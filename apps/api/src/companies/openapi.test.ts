import { expect, test } from 'vitest';
import { COMMITTED_BASE_URL, openApiDocument } from '../openapi/document.js';
import committed from '../../openapi.json' with { type: 'json' };

const live = openApiDocument(COMMITTED_BASE_URL);
const cat = { CustomerAccessToken: [] };
const read = { AdminToken: ['read_companies'] };
const write = { AdminToken: ['write_companies'] };

const routes: [method: string, path: string, security: Record<string, string[]>, statuses: string[]][] = [
  ['get', '/admin/companies', read, ['200', '400', '401', '403']],
  ['post', '/admin/companies', write, ['200', '400', '401', '403', '409']],
  ['get', '/admin/companies/{id}', read, ['200', '401', '403', '404']],
  ['put', '/admin/companies/{id}', write, ['200', '400', '401', '403', '404', '409']],
  ['delete', '/admin/companies/{id}', write, ['200', '401', '403', '404', '409']],
  ['get', '/admin/companies/{id}/locations', read, ['200', '401', '403', '404']],
  ['post', '/admin/companies/{id}/locations', write, ['200', '400', '401', '403', '404', '422']],
  ['put', '/admin/companies/{id}/locations/{location_id}', write, ['200', '400', '401', '403', '404']],
  ['delete', '/admin/companies/{id}/locations/{location_id}', write, ['200', '401', '403', '404', '409']],
  ['get', '/admin/companies/{id}/members', read, ['200', '401', '403', '404']],
  ['post', '/admin/companies/{id}/members', write, ['200', '400', '401', '403', '404', '409']],
  ['put', '/admin/companies/{id}/members/{membership_id}', write, ['200', '400', '401', '403', '404']],
  ['delete', '/admin/companies/{id}/members/{membership_id}', write, ['200', '401', '403', '404']],
  ['get', '/customer/company', cat, ['200', '401', '403']],
  ['get', '/customer/company/members', cat, ['200', '401', '403']],
  ['post', '/customer/company/members', cat, ['200', '400', '401', '403', '404', '409']],
  ['put', '/customer/company/members/{id}', cat, ['200', '400', '401', '403', '404', '422']],
  ['delete', '/customer/company/members/{id}', cat, ['200', '401', '403', '404', '422']],
  ['get', '/customer/company/locations', cat, ['200', '401', '403']],
  ['post', '/customer/orders/{id}/reorder', cat, ['200', '400', '401', '403', '404', '422']],
];

test.each(routes)('%s %s is documented (committed and live) with its credential, scope and answers', (method, path, security, statuses) => {
  for (const doc of [live, committed as unknown as typeof live]) {
    const op = (doc.paths?.[path] as Record<string, any> | undefined)?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    expect(op.tags).toContain('Companies');
    expect(op.security).toEqual([security]);
    for (const s of statuses) expect(op.responses[s], `${method} ${path} ${s}`).toBeDefined();
  }
});

test('the location schema documents budget, spent and remaining', () => {
  const schema = JSON.stringify((committed as unknown as typeof live).paths?.['/customer/company/locations']);
  for (const field of ['amount_cents', 'period_start', 'period_end', 'spent_cents', 'remaining_cents']) expect(schema).toContain(field);
});
