import { afterAll, beforeAll, expect, test } from 'vitest';
import { App } from '@cartly/db';
import { seedDemo } from '../cli/seed-demo.js';
import { rest, startTestApi, type TestApi } from '../../test/harness.js';

/* What `npm start` shows: the demo shop's app has one block of each kind, and seeding again changes nothing. */

let t: TestApi;
beforeAll(async () => {
  // Generous render limits: these tests are about content and rules; liquid-sandbox.test.ts tests the limits.
  t = await startTestApi({ EXTENSIONS_BLOCK_RENDER_MS: 2_000, EXTENSIONS_RENDER_BUDGET_MS: 5_000 });
});
afterAll(() => t.close());

test('the demo shop\'s account overview shows a Liquid, an iframe and a remote-UI block', async () => {
  const first = await t.db.orm.em.fork().transactional((em) => seedDemo(em));
  expect(first.extensions_app).toEqual({ app_client_id: expect.stringMatching(/^app_/), app_token: expect.stringMatching(/^app_/) });
  const again = await t.db.orm.em.fork().transactional((em) => seedDemo(em));
  expect(again.extensions_app).toEqual({ app_client_id: first.extensions_app.app_client_id });
  expect(await t.db.orm.em.fork().count(App, { shop: again.shop_id })).toBe(1);

  const res = await rest(t, 'GET', '/storefront/v1/portal/extensions?point=account_overview', { sat: again.storefront_access_token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.items.map((b: any) => b.kind)).toEqual(['liquid', 'iframe', 'remote_ui']);
  const [welcome, frame, refer] = res.body.items;
  expect(welcome.html).toBe('<div class="rewards"><h3>Welcome back!</h3><p>Every USD 1 at Demo Shop earns 10 points.</p><a href="/account/rewards" rel="noopener noreferrer nofollow">See your rewards</a></div>');
  expect(frame.iframe.url).toBe('https://rewards.cartly.test/portal/embed');
  expect(refer.tree.type).toBe('Banner');
});
