import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { App } from '@cartly/db';
import { createShop, startTestApi, type TestApi } from '../../test/harness.js';
import { registered, upsertBlock } from '../../test/extensions.js';

/* `npm run cartly -- app:install --iframe-host`: where an app's allow-list starts. */

const run = promisify(execFile);
const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const cartly = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', '--conditions=source', main, ...args], { env: { ...process.env, DATABASE_URL: t.db.url, NODE_ENV: 'test' } });

test('--iframe-host is stored normalised on the app and governs its iframe blocks; IP literals are refused', async () => {
  const shop = await createShop(t, 'CLI Hosts');
  const { stdout } = await cartly('app:install', '--shop', shop.shopId, '--name', 'Framer', '--iframe-host', 'Frames.Example.com', '--iframe-host', 'frames.example.com', '--iframe-host', 'w.example.com:8443');
  const installed = JSON.parse(stdout) as { app_client_id: string; app_token: string };
  const app = await t.db.orm.em.fork().findOneOrFail(App, { clientId: installed.app_client_id });
  expect(app.iframeHosts).toEqual(['frames.example.com', 'w.example.com:8443']);
  const testApp = { appId: app.id, clientId: app.clientId, appToken: installed.app_token };
  await registered(t, testApp, 'frame', { point: 'footer', kind: 'iframe', title: 'F', url: 'https://w.example.com:8443/x' });
  expect((await upsertBlock(t, testApp, 'frame', { point: 'footer', kind: 'iframe', title: 'F', url: 'https://w.example.com/x' })).status).toBe(400);

  for (const host of ['127.0.0.1', 'https://frames.example.com']) {
    const err = await cartly('app:install', '--shop', shop.shopId, '--name', 'Bad', '--iframe-host', host).catch((e: { code: number; stderr: string; stdout: string }) => e);
    expect(err).toMatchObject({ code: 1, stdout: '' });
    expect((err as { stderr: string }).stderr).toContain(`--iframe-host "${host}" must be a DNS host name`);
  }
  expect(await t.db.orm.em.fork().count(App, { shop: shop.shopId })).toBe(1);
}, 60_000);
