import { expect, test } from 'vitest';
import { COMMITTED_BASE_URL, openApiDocument } from '../openapi/document.js';
import committed from '../../openapi.json' with { type: 'json' };

const live = openApiDocument(COMMITTED_BASE_URL);

const routes: [method: string, path: string, security: Record<string, string[]>, statuses: string[]][] = [
  ['post', '/customer/returns', { CustomerAccessToken: [] }, ['200', '400', '401', '404', '422']],
  ['get', '/customer/returns', { CustomerAccessToken: [] }, ['200', '400', '401']],
  ['get', '/customer/returns/{id}', { CustomerAccessToken: [] }, ['200', '401', '404']],
  ['get', '/storefront/v1/customer/returns', { StorefrontAccessToken: [], CustomerAccessToken: [] }, ['200', '401']],
  ['get', '/admin/returns', { AdminToken: ['read_returns'] }, ['200', '401', '403']],
  ['get', '/admin/returns/{id}', { AdminToken: ['read_returns'] }, ['200', '401', '403', '404']],
  ['post', '/admin/returns/{id}/approve', { AdminToken: ['write_returns'] }, ['200', '401', '403', '404', '409']],
  ['post', '/admin/returns/{id}/reject', { AdminToken: ['write_returns'] }, ['200', '401', '403', '404', '409']],
];

test.each(routes)('%s %s is documented (committed and live) with its credential, scope and answers', (method, path, security, statuses) => {
  for (const doc of [live, committed as typeof live]) {
    const op = (doc.paths?.[path] as Record<string, any> | undefined)?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    expect(op.tags).toContain('Returns');
    expect(op.summary).toBeTruthy();
    expect(op.security).toEqual([security]);
    for (const s of statuses) expect(op.responses[s], `${method} ${path} ${s}`).toBeDefined();
    expect(op.responses['200'].content['application/json'].schema).toBeDefined();
  }
});

test('the return schema documents status, history and refund', () => {
  const op = (live.paths?.['/customer/returns/{id}'] as Record<string, any>).get;
  const schema = op.responses['200'].content['application/json'].schema;
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['status', 'history', 'refund', 'decision', 'expires_at', 'lines']));
  expect(schema.properties.status.enum).toEqual(['requested', 'approved', 'rejected', 'expired', 'refunded', 'cancelled']);
  const body = (live.paths?.['/admin/returns/{id}/reject'] as Record<string, any>).post.requestBody.content['application/json'].schema;
  expect(body.properties.reason.enum).toEqual(['final_sale', 'return_period_ended', 'item_not_eligible', 'other']);
});
