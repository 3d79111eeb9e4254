import { expect, test } from 'vitest';
import { COMMITTED_BASE_URL, openApiDocument } from '../openapi/document.js';
import committed from '../../openapi.json' with { type: 'json' };

const live = openApiDocument(COMMITTED_BASE_URL);
const sat = { StorefrontAccessToken: [] };

const routes: [method: string, path: string, security: Record<string, string[]>[], statuses: string[]][] = [
  ['post', '/apps/api/blocks/{slug}/portal-extensions', [{ AppToken: [] }], ['200', '400', '401', '413', '422']],
  ['get', '/apps/api/blocks/{slug}/portal-extensions', [{ AppToken: [] }], ['200', '401', '404']],
  ['delete', '/apps/api/blocks/{slug}/portal-extensions', [{ AppToken: [] }], ['200', '401', '404']],
  ['get', '/storefront/v1/portal/extensions', [{ ...sat, CustomerAccessToken: [] }, sat], ['200', '400', '401']],
  ['get', '/admin/customer-portal/extensions', [{ AdminToken: ['read_extensions'] }], ['200', '401', '403']],
  ['put', '/admin/customer-portal/extensions/{id}', [{ AdminToken: ['write_extensions'] }], ['200', '400', '401', '403', '404', '422']],
  ['delete', '/admin/customer-portal/extensions/{id}', [{ AdminToken: ['write_extensions'] }], ['200', '401', '403', '404']],
  ['get', '/admin/customer-portal/extension-apps', [{ AdminToken: ['read_extensions'] }], ['200', '401', '403']],
  ['put', '/admin/customer-portal/extension-apps/{id}', [{ AdminToken: ['write_extensions'] }], ['200', '400', '401', '403', '404']],
];

test.each(routes)('%s %s is documented (committed and live) with its credential, scope and answers', (method, path, security, statuses) => {
  for (const doc of [live, committed as unknown as typeof live]) {
    const op = (doc.paths?.[path] as Record<string, any> | undefined)?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    expect(op.tags).toContain('Extensions');
    expect(op.summary).toBeTruthy();
    expect(op.security).toEqual(security);
    for (const s of statuses) expect(op.responses[s], `${method} ${path} ${s}`).toBeDefined();
  }
});

test('the block schemas document slots, kinds and the remote-UI components', () => {
  const body = (live.paths?.['/apps/api/blocks/{slug}/portal-extensions'] as Record<string, any>).post.requestBody.content['application/json'].schema;
  expect(body.properties.point.enum).toEqual(['header', 'footer', 'sidebar', 'account_overview', 'order_detail', 'return_detail']);
  expect(body.properties.kind.enum).toEqual(['liquid', 'iframe', 'remote_ui']);
  expect(body.properties.tree.$ref).toBe('#/components/schemas/RemoteUiNode');
  const node = (live.components?.schemas as Record<string, any>).RemoteUiNode;
  expect(node.oneOf.map((n: any) => n.properties.type.const)).toEqual(['Stack', 'Text', 'Heading', 'Link', 'Button', 'Image', 'Banner', 'Divider', 'List']);
  const item = (live.paths?.['/storefront/v1/portal/extensions'] as Record<string, any>).get.responses['200'].content['application/json'].schema.properties.items.items;
  expect(Object.keys(item.properties)).toEqual(expect.arrayContaining(['html', 'iframe', 'tree', 'position', 'app']));
});
