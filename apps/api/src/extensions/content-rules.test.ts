import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExtensionBlock } from '@cartly/db';
import { createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { blockPath, installApp, liquid, registered, slot, upsertBlock, type TestApp } from '../../test/extensions.js';
import { sanitizeBlockHtml } from './sanitize-block-html.js';

/*
 * What an app may put into the portal: sanitised HTML, framed https pages of
 * its own hosts, and remote-UI trees of the fixed component set. Every refusal
 * is a 400 naming the field, and leaves nothing behind.
 */

let t: TestApi;
let shop: TestShop;
let app: TestApp;

beforeAll(async () => {
  // Generous render limits: these tests are about content and rules; liquid-sandbox.test.ts tests the limits.
  t = await startTestApi({ EXTENSIONS_BLOCK_RENDER_MS: 2_000, EXTENSIONS_RENDER_BUDGET_MS: 5_000 });
  shop = await createShop(t, 'Rules Shop');
  app = await installApp(t, shop, 'Framer', ['frames.example.com', 'widgets.example.com:8443']);
});
afterAll(() => t.close());

const blockCount = () => t.db.orm.em.fork().count(ExtensionBlock, { shop: shop.shopId });

async function refused(body: Record<string, unknown>, message: RegExp) {
  const before = await blockCount();
  const res = await upsertBlock(t, app, 'refused', body);
  expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(400);
  expect(res.body.error.message).toMatch(message);
  expect(await blockCount()).toBe(before);
}

describe('rendered HTML leaves the server sanitised', () => {
  const payloads: [string, string][] = [
    ['<p>hi</p><script>alert(1)</script>', '<p>hi</p>'],
    ['<img src="https://cdn.example.com/a.png" onerror="alert(1)" alt="a">', '<img src="https://cdn.example.com/a.png" alt="a" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="java&#x09;script:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="//evil.example.com">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="https://shop.example.com/" target="_top">ok</a>', '<a href="https://shop.example.com/" target="_blank" rel="noopener noreferrer nofollow">ok</a>'],
    ['<a href="/orders">mine</a>', '<a href="/orders" rel="noopener noreferrer nofollow">mine</a>'],
    ['<iframe src="https://evil.example.com"></iframe><p>after</p>', '<p>after</p>'],
    ['<style>body{display:none}</style><p style="position:fixed">x</p>', '<p>x</p>'],
    ['<svg onload="alert(1)"><script>alert(1)</script><circle r="5"/></svg>ok', 'ok'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '<table></table>'],
    ['<img src="/relative.png"><img src="http://insecure.example.com/a.png"><img src="data:image/png;base64,AAAA">', ''],
    ['<form action="https://evil.example.com"><input name="card"><button>Pay</button></form>', 'Pay'],
    ['<div onclick="alert(1)" class="note" data-x="1">n</div>', '<div class="note">n</div>'],
    ['<object data="x"></object><embed src="x"><link rel="stylesheet" href="https://evil.example.com/a.css"><meta http-equiv="refresh" content="0;url=https://evil.example.com">', ''],
    // The "closing" noscript inside the attribute stays text, escaped: no element comes out of it.
    ['<base href="https://evil.example.com/"><noscript><p title="</noscript><img src=x onerror=alert(1)>">', '<p title="&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;"></p>'],
  ];

  test.each(payloads)('%s', (payload, expected) => {
    expect(sanitizeBlockHtml(payload)).toBe(expected);
  });

  test('through the API: a block that writes every payload with `raw` gets back none of it', async () => {
    const template = payloads.map(([p]) => `{{ ${JSON.stringify(p)} | raw }}`).join('\n');
    await registered(t, app, 'payloads', liquid(template, { point: 'header' }));
    const res = await slot(t, shop, 'header');
    const html: string = res.body.items[0].html;
    // Together the payloads interact (an unclosed <style> swallows what follows): what counts is that the server sanitised them.
    expect(html).toBe(sanitizeBlockHtml(payloads.map(([p]) => p).join('\n')));
    expect(html).toContain('<p>hi</p>');
    expect(html).not.toMatch(/<script|onerror|onload|onclick|javascript:|<iframe|<style|<svg|data:|http:/i);
  });
});

describe('iframe URLs', () => {
  const frame = (url: string) => ({ point: 'sidebar', kind: 'iframe', title: 'Frame', url });

  test.each([
    ['javascript:alert(1)', /^url: must be an https URL, not javascript:/],
    ['data:text/html,<script>alert(1)</script>', /^url: must be an https URL, not data:/],
    ['http://frames.example.com/a', /^url: must be an https URL, not http:/],
    ['https://evil.example.com/a', /^url: host evil\.example\.com is not on this app's iframe allow-list/],
    ['https://frames.example.com.evil.example.com/a', /not on this app's iframe allow-list/],
    ['https://sub.frames.example.com/a', /not on this app's iframe allow-list/],
    ['https://widgets.example.com/a', /host widgets\.example\.com is not on/],
    ['https://user:pass@frames.example.com/a', /^url: must not carry credentials/],
    ['https://user@frames.example.com/a', /^url: must not carry credentials/],
    ['https://127.0.0.1/a', /^url: must name a host, not an IP address/],
    ['https://2130706433/a', /must name a host, not an IP address/],
    ['https://0x7f.1/a', /must name a host, not an IP address/],
    ['https://[::1]/a', /must name a host, not an IP address/],
    ['https://frames.example.com\\@evil.example.com/', /backslashes/],
    [' https://frames.example.com/', /spaces/],
    ['//frames.example.com/a', /^url: is not an absolute URL/],
  ])('%s is refused', async (url, message) => {
    await refused(frame(url), message);
  });

  test('an https URL on the list (host and port exactly) is accepted, normalised', async () => {
    await registered(t, app, 'frame-ok', frame('https://FRAMES.example.com/embed?a=1#top'));
    await registered(t, app, 'frame-port', frame('https://widgets.example.com:8443/w'));
    const items = (await slot(t, shop, 'sidebar')).body.items;
    expect(items.map((b: any) => b.iframe.url)).toEqual(['https://frames.example.com/embed?a=1#top', 'https://widgets.example.com:8443/w']);
  });
});

describe('remote-UI trees', () => {
  const ui = (tree: unknown) => ({ point: 'account_overview', kind: 'remote_ui', title: 'UI', tree });
  const nest = (depth: number) => {
    let node: unknown = { type: 'Divider' };
    for (let i = 1; i < depth; i++) node = { type: 'Stack', children: [node] };
    return node;
  };

  test('every component of the set is accepted and comes back as sent', async () => {
    const tree = {
      type: 'Stack', direction: 'vertical', gap: 'medium', children: [
        { type: 'Heading', text: 'Your points', level: 2 },
        { type: 'Text', text: '<b>120</b> points', tone: 'success', emphasis: 'bold' },
        { type: 'Banner', tone: 'info', title: 'Tip', children: [{ type: 'Text', text: 'Earn more' }] },
        { type: 'Image', src: 'https://cdn.example.com/p.png', alt: 'Points', width: 64, height: 64 },
        { type: 'Link', text: 'History', href: '/account/points' },
        { type: 'Link', text: 'Help', href: 'https://help.example.com/points' },
        { type: 'Button', text: 'Redeem', variant: 'primary', action: { type: 'event', name: 'points.redeem', payload: { amount: 100, confirm: true } } },
        { type: 'Button', text: 'Shop', action: { type: 'navigate', href: '/collections/all' } },
        { type: 'Divider' },
        { type: 'List', ordered: true, items: [{ type: 'Text', text: 'One' }, { type: 'Text', text: 'Two' }] },
      ],
    };
    await registered(t, app, 'ui-ok', ui(tree));
    await registered(t, app, 'ui-deep-ok', ui(nest(8)));
    const items = (await slot(t, shop, 'account_overview')).body.items;
    expect(items.map((b: any) => b.tree)).toEqual([tree, nest(8)]);
  });

  test.each([
    ['an unknown component', { type: 'Stack', children: [{ type: 'Script', code: 'alert(1)' }] }, /^tree\.children\.0\.type/],
    ['an unknown property', { type: 'Text', text: 'x', onClick: 'alert(1)' }, /^tree: onClick: is not a known field|tree\.onClick: is not a known field/],
    ['a javascript: link', { type: 'Link', text: 'x', href: 'javascript:alert(1)' }, /^tree\.href: must be an https URL or a portal-relative path/],
    ['a protocol-relative link', { type: 'Link', text: 'x', href: '//evil.example.com' }, /^tree\.href/],
    ['a data: image', { type: 'Image', src: 'data:image/png;base64,AAAA', alt: '' }, /^tree\.src: must be an https URL/],
    ['a navigation to javascript:', { type: 'Button', text: 'x', action: { type: 'navigate', href: 'javascript:alert(1)' } }, /^tree\.action\.href/],
    ['a code action', { type: 'Button', text: 'x', action: { type: 'eval', code: 'alert(1)' } }, /^tree\.action\.type/],
    ['a bad event name', { type: 'Button', text: 'x', action: { type: 'event', name: 'Alert(1)' } }, /^tree\.action\.name/],
    ['too deep', nest(9), /^tree\.children\.0\.children\.0(\.children\.0)*: is nested deeper than 8 levels/],
    ['too many nodes', { type: 'Stack', children: Array.from({ length: 5 }, () => ({ type: 'Stack', children: Array.from({ length: 45 }, () => ({ type: 'Divider' })) })) }, /^tree: has more than 200 nodes/],
    ['too many children', { type: 'Stack', children: Array.from({ length: 51 }, () => ({ type: 'Divider' })) }, /^tree\.children/],
    ['an overlong string', { type: 'Text', text: 'x'.repeat(2001) }, /^tree\.text/],
    ['not an object', 'Divider', /^tree/],
  ])('%s is refused with the field named', async (_name, tree, message) => {
    await refused(ui(tree), message);
  });

  test('a tree nested 20 deep is refused by name; 3000 deep, by the body depth limit, without exhausting the stack', async () => {
    const deep = await upsertBlock(t, app, 'deep', ui(nest(20)));
    expect(deep.status).toBe(400);
    expect(deep.body.error.message).toMatch(/^tree\.children\.0(\.children\.0)*: is nested deeper than 8 levels$/);
    const depth = 3000;
    const tree = '{"type":"Stack","children":['.repeat(depth - 1) + '{"type":"Divider"}' + ']}'.repeat(depth - 1);
    const rawBody = `{"point":"account_overview","kind":"remote_ui","title":"UI","tree":${tree}}`;
    const res = await rest(t, 'POST', blockPath('deep'), { bearer: app.appToken, rawBody });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('request body is nested deeper than 64 levels');
    const typed = await fetch(`${t.url}/trpc/extensions.blocks.upsert`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${app.appToken}` }, body: rawBody,
    });
    expect(typed.status).toBe(400);
  });
});

describe('the upsert body itself', () => {
  test.each([
    [{ point: 'header', kind: 'liquid', title: 'x' }, /^template: is required for kind "liquid"/],
    [{ point: 'header', kind: 'liquid', title: 'x', template: 'a', url: 'https://frames.example.com/' }, /^url: is only for kind "iframe"/],
    [{ point: 'header', kind: 'iframe', title: 'x', template: 'a' }, /url: is required for kind "iframe".*template: is only for kind "liquid"|template: is only for kind "liquid".*url: is required/],
    [{ point: 'lobby', kind: 'liquid', title: 'x', template: 'a' }, /^point/],
    [{ point: 'header', kind: 'flash', title: 'x', template: 'a' }, /^kind/],
    [{ point: 'header', kind: 'liquid', title: '', template: 'a' }, /^title/],
    [{ point: 'header', kind: 'liquid', title: 'x', template: 'a', settings: { 'Bad Key': 1 } }, /^settings/],
    [{ point: 'header', kind: 'liquid', title: 'x', template: 'a', settings: { nested: { a: 1 } } }, /^settings\.nested/],
    [{ point: 'header', kind: 'liquid', title: 'x', template: 'a', position: 0 }, /position: is not a known field/],
  ])('%j is a 400 naming the field', async (body, message) => {
    await refused(body, message);
  });

  test('a slug outside the pattern is a 400 naming it', async () => {
    const res = await upsertBlock(t, app, 'Not%20A%20Slug', liquid('x'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^slug/);
  });

  test('an app may hold at most 50 blocks (422), and nothing more is written', async () => {
    const full = await installApp(t, shop, 'Hoarder');
    await Promise.all(Array.from({ length: 50 }, (_, i) => registered(t, full, `b${i}`, liquid('x', { point: 'footer' }))));
    const res = await upsertBlock(t, full, 'b50', liquid('x', { point: 'footer' }));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/at most 50 blocks/);
    // Updating one of the fifty is still fine.
    expect((await upsertBlock(t, full, 'b0', liquid('y', { point: 'footer' }))).body.version).toBe(2);
  });
});
