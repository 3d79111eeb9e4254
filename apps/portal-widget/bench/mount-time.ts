/*
 * `npm run bench` (widget part): time from CartlyPortal.mount() to the first
 * rendered account overview (profile, recent orders, returns, default address:
 * one batched tRPC request) in headless Debian chromium, against the real API
 * on loopback, the storefront page on another origin (so CORS preflights count).
 * Each run is a fresh browser context (cold: no HTTP cache, new connections).
 * Prints figures; asserts nothing. Needs DATABASE_URL (scripts/bench.mjs gives one).
 */
import { createLoggedInCustomer, createShop, setShopSettings, startTestApi } from '../../api/test/harness.js';
import { fulfilledOrder } from '../../api/test/returns.js';
import { launchChromium } from '../test/browser.js';
import { buildWidget } from '../test/build.js';
import { startStorefront } from '../test/storefront.js';

const RUNS = 15;
const say = (msg: string) => process.stderr.write(`[bench:widget] ${msg}\n`);

say('building the widget');
process.stdout.write(await buildWidget());
const t = await startTestApi();
const store = await startStorefront();
const browser = await launchChromium();
try {
  const shop = await createShop(t, 'Bench Shop');
  await setShopSettings(t, shop, { storefrontOrigins: [store.origin] });
  const { customerId, cat, expiresAt } = await createLoggedInCustomer(t, shop, 'bench@example.com');
  await fulfilledOrder(t, shop, customerId);
  // Baseline: no shop id, the widget's own look. Then with the shop's id: its settings and custom CSS are
  // read (one batched request) before the first screen, so that is what the shop's look costs.
  const series = [
    { label: 'widget: mount → first account overview', url: store.url({ api: t.url, sat: shop.sat }) },
    { label: 'widget: the same with the shop\'s settings + CSS', url: store.url({ api: t.url, sat: shop.sat, shop: shop.shopId }) },
  ];
  for (const { label, url } of series) {
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // Logged in already: the stored session the widget finds on a returning visit.
      await context.addInitScript(
        ([token, exp]) => {
          const original = Storage.prototype.getItem;
          Storage.prototype.getItem = function (key: string) {
            if (key.startsWith('cartly-portal:')) return JSON.stringify({ accessToken: token, expiresAt: exp });
            return original.call(this, key);
          };
        },
        [cat, expiresAt.toISOString()] as const,
      );
      const page = await context.newPage();
      await page.goto(url);
      const handle = await page.waitForFunction(
        () => {
          const root = document.getElementById('portal')?.shadowRoot;
          const ready = root?.querySelector('.cp-grid') && root.textContent?.includes('Order #');
          return ready ? performance.now() - (window as unknown as { __mountStarted: number }).__mountStarted : false;
        },
        null,
        { polling: 'raf', timeout: 15_000 },
      );
      const ms = (await handle.jsonValue()) as number;
      if (i > 0) times.push(ms); // the first run warms the API (JIT, pools), not the browser
      await context.close();
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    console.log(
      `${label} (cold context, ${RUNS} runs): p50 ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`,
    );
  }
} finally {
  await browser.close();
  await store.close();
  await t.close();
}
