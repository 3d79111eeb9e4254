/*
 * Scale-out soak (`npm run soak`): two API processes behind a round-robin
 * proxy (proxy.ts) and two workers, on one PostgreSQL database and one
 * Temporal task queue, under mixed load for SOAK_SECONDS (300 by default):
 * storefront reads, address writes, OTP logins, return requests and
 * decisions. Part-way one API replica is restarted (drained, stopped,
 * started, put back) and one worker is SIGKILLed and restarted. Then it waits
 * for every approved return to be refunded and prints requests, errors
 * inside and outside the restart window, returns requested / refunded /
 * duplicates, writes lost, the OTP per-identifier limit through both
 * replicas, and each process's RSS after warm-up and at the end. Loopback
 * only; bounded in time; exits 1 when a correctness figure is off.
 */
import os from 'node:os';
import pg from 'pg';
import { startSmtpSink } from '@cartly/mail/testing';
import { loadBenchEnv } from '../env.js';
import { createBenchDatabase, dropStaleBenchDatabases } from '../database.js';
import type { ServerChild } from '../child.js';
import { call, inLanes, seconds, type Call } from '../cluster/http.js';
import { createProduct, fulfilledOrder, prepareRun, seedShop, type SeededShop } from '../cluster/services.js';
import { startProxy } from './proxy.js';

const say = (msg: string) => process.stderr.write(`[soak] ${msg}\n`);
const env = loadBenchEnv();
if (!env.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is required (run through `npm run soak`)');
const T = env.SOAK_SECONDS;
const OTP_PER_IDENTIFIER = 5;
const MB = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

interface Stats {
  requests: Map<string, number>;
  errors: { at: number; what: string }[];
}
const stats: Stats = { requests: new Map(), errors: [] };
const windows: { from: number; to: number; what: string }[] = [];
let t0 = 0n;
const now = () => seconds(t0);

/** One request of the load: counted by kind; anything but `expect` is an error at this moment. */
async function load<B = any>(base: string, kind: string, c: Call, expect = 200): Promise<B | undefined> {
  stats.requests.set(kind, (stats.requests.get(kind) ?? 0) + 1);
  try {
    const a = await call<B>(base, c);
    if (a.status === expect) return a.body;
    stats.errors.push({ at: now(), what: `${kind}: ${a.status} ${JSON.stringify(a.body).slice(0, 160)}` });
  } catch (e) {
    stats.errors.push({ at: now(), what: `${kind}: ${(e as Error).message}` });
  }
  return undefined;
}

const until = (deadline: number) => now() < deadline;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (env.BENCH_OWN_SERVER) await dropStaleBenchDatabases(env.DATABASE_URL);
say('creating and migrating a fresh database');
const db = await createBenchDatabase(env.DATABASE_URL);
const smtp = await startSmtpSink();
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();
const children = new Set<ServerChild>();
const track = (c: ServerChild) => (children.add(c), c);
try {
  const run = prepareRun({
    databaseUrl: db.url, temporalAddress: env.TEMPORAL_ADDRESS, smtpUrl: smtp.url, poolMax: env.BENCH_POOL_MAX,
    // All load comes from 127.0.0.1: per-IP limits raised; the per-identifier limit stays as shipped (checked below).
    extra: { OTP_RESEND_COOLDOWN_SECONDS: '0', OTP_MAX_PER_IP_15MIN: '1000000', OTP_VERIFY_MAX_PER_IP_15MIN: '1000000', OTP_MAX_PER_IDENTIFIER_15MIN: String(OTP_PER_IDENTIFIER) },
  });
  const shops = await seedShop(db.url, 6);
  const [buyer, ...writers] = shops as [SeededShop, ...SeededShop[]];
  say('starting two API replicas and two workers');
  const apis = await Promise.all([run.startApi(), run.startApi()]).then((a) => a.map(track));
  const workers = await Promise.all([run.startWorker(), run.startWorker()]).then((w) => w.map(track));
  const proxy = await startProxy(apis.map((a) => a.url));

  const orderCount = Math.min(600, T * 2);
  say(`seeding ${orderCount} fulfilled orders for returns`);
  const variantId = await createProduct(proxy.url, buyer);
  const orders: { orderId: string; lineId: string }[] = [];
  await inLanes(Array.from({ length: orderCount }), 8, async () => void orders.push(await fulfilledOrder(proxy.url, buyer, variantId)));

  // Each process's RSS after its warm-up and at its end (a replaced process: just before it is stopped or killed).
  // Between the two, every RSS_EVERY_S: whether a process is still growing at the end of its life or levelled off.
  // Each reading follows a full GC in the child; the JS heap still in use after it is what a leak would grow.
  interface Memory { start?: number; end?: number; heapStart?: number; heapEnd?: number; series: number[] }
  const rss: Record<string, Memory> = {};
  const names = new Map<ServerChild, string>([[apis[0]!, 'api-1'], [apis[1]!, 'api-2'], [workers[0]!, 'worker-1'], [workers[1]!, 'worker-2']]);
  const record = (child: ServerChild) => (rss[names.get(child)!] ??= { series: [] });
  // One question at a time per child: the answers carry no id.
  const asking = new Map<ServerChild, Promise<unknown>>();
  const memoryOf = (child: ServerChild) => {
    const next = (asking.get(child) ?? Promise.resolve()).then(() => child.memory()).catch(() => undefined);
    asking.set(child, next);
    return next;
  };
  const sample = async (child: ServerChild, when: 'start' | 'end') => {
    const m = await memoryOf(child);
    const r = record(child);
    r[when] = m?.rssBytes;
    r[when === 'start' ? 'heapStart' : 'heapEnd'] = m?.heapBytes;
    if (m) r.series.push(m.rssBytes);
  };
  const RSS_EVERY_S = 10;
  const sampler = setInterval(() => {
    for (const child of names.keys()) {
      const r = rss[names.get(child)!];
      if (r?.start !== undefined && r.end === undefined) void memoryOf(child).then((m) => void (m && r.series.push(m.rssBytes)));
    }
  }, RSS_EVERY_S * 1000);
  sampler.unref();
  const warmUpSeconds = Math.min(30, T * 0.1);

  // What the load wrote, to be found in the database afterwards.
  const keptAddresses = new Map<string, string>(); // id -> city last written
  const deletedAddresses = new Set<string>();
  const returns = { requested: 0, approved: new Set<string>(), rejected: new Set<string>() };
  let logins = 0;

  const reader = async () => {
    while (until(T)) {
      const creds = { sat: buyer.sat, bearer: buyer.cat };
      await load(proxy.url, 'GET addresses', { method: 'GET', path: '/storefront/v1/customer/addresses', ...creds });
      await load(proxy.url, 'GET profile', { method: 'GET', path: '/storefront/v1/customer/profile', ...creds });
    }
  };
  const writer = (who: SeededShop) => async () => {
    const mine: string[] = [];
    for (let n = 0; until(T); n++) {
      const creds = { sat: who.sat, bearer: who.cat };
      const created = await load<{ id: string }>(proxy.url, 'POST address', {
        method: 'POST', path: '/storefront/v1/customer/addresses', ...creds,
        body: { first_name: 'Soak', last_name: `Writer ${n}`, address1: `${n} Soak Street`, city: 'Springfield', country_code: 'US' },
      });
      if (!created) continue;
      mine.push(created.id);
      keptAddresses.set(created.id, 'Springfield');
      const city = `Shelbyville ${n}`;
      if (await load(proxy.url, 'PUT address', { method: 'PUT', path: `/storefront/v1/customer/addresses/${created.id}`, ...creds, body: { city } })) {
        keptAddresses.set(created.id, city);
      }
      if (mine.length > 40) {
        const old = mine.shift()!;
        if ((await load(proxy.url, 'DELETE address', { method: 'DELETE', path: `/storefront/v1/customer/addresses/${old}`, ...creds })) !== undefined) {
          keptAddresses.delete(old);
          deletedAddresses.add(old);
        }
      }
    }
  };
  const login = async () => {
    for (let n = 0; until(T); n++) {
      const identifier = `soak-${n}-${Math.random().toString(36).slice(2, 8)}@bench.cartly.test`;
      if (!(await load(proxy.url, 'POST otp/request', { method: 'POST', path: '/storefront/v1/customer/otp/request', sat: buyer.sat, body: { identifier, channel: 'email' } }))) continue;
      const mail = await smtp.waitFor((m) => m.to.includes(identifier), 30_000).catch(() => undefined);
      if (!mail) {
        stats.errors.push({ at: now(), what: 'login: no code arrived within 30 s' });
        continue;
      }
      const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
      const token = await load<{ access_token: string }>(proxy.url, 'POST otp/verify', { method: 'POST', path: '/storefront/v1/customer/otp/verify', sat: buyer.sat, body: { identifier, code } });
      // The CAT one replica issued works on whichever replica answers next.
      if (token && (await load(proxy.url, 'GET profile (new CAT)', { method: 'GET', path: '/storefront/v1/customer/profile', sat: buyer.sat, bearer: token.access_token }))) logins++;
    }
  };
  const returner = async () => {
    while (until(T) && orders.length > 0) {
      const { orderId, lineId } = orders.shift()!;
      const created = await load<{ id: string }>(proxy.url, 'POST return', {
        method: 'POST', path: '/customer/returns', bearer: buyer.cat,
        body: { order_id: orderId, lines: [{ order_line_id: lineId, quantity: 1, reason: 'does_not_fit' }] },
      });
      if (!created) continue;
      returns.requested++;
      const reject = returns.requested % 5 === 0;
      const decided = reject
        ? await load(proxy.url, 'POST return reject', { method: 'POST', path: `/admin/returns/${created.id}/reject`, bearer: buyer.adminToken, body: { reason: 'final_sale' } })
        : await load(proxy.url, 'POST return approve', { method: 'POST', path: `/admin/returns/${created.id}/approve`, bearer: buyer.adminToken, body: {} });
      if (decided) (reject ? returns.rejected : returns.approved).add(created.id);
    }
  };
  const faults = async () => {
    await sleep(warmUpSeconds * 1000);
    for (const child of names.keys()) await sample(child, 'start');
    await sleep(Math.max(0, T * 0.35 - now()) * 1000);
    const restartFrom = now();
    say(`t=${restartFrom.toFixed(0)} s: restarting API replica 2 (drain, stop, start, back in rotation)`);
    const old = apis[1]!;
    await sample(old, 'end');
    proxy.drain(old.url);
    await old.stop();
    children.delete(old);
    apis[1] = track(await run.startApi());
    names.set(apis[1], 'api-2 (restarted)');
    proxy.add(apis[1].url);
    const restartedApi = apis[1];
    setTimeout(() => void sample(restartedApi, 'start'), warmUpSeconds * 1000);
    windows.push({ from: restartFrom - 1, to: now() + 5, what: 'API replica 2 restart' });
    await sleep(Math.max(0, T * 0.6 - now()) * 1000);
    const killAt = now();
    say(`t=${killAt.toFixed(0)} s: SIGKILL worker 1, restarting it`);
    await sample(workers[0]!, 'end');
    await workers[0]!.kill();
    children.delete(workers[0]!);
    await sleep(2_000);
    workers[0] = track(await run.startWorker());
    names.set(workers[0], 'worker-1 (restarted)');
    const restartedWorker = workers[0];
    setTimeout(() => void sample(restartedWorker, 'start'), warmUpSeconds * 1000);
    windows.push({ from: killAt - 1, to: now() + 5, what: 'worker 1 SIGKILL + restart' });
  };

  say(`mixed load for ${T} s through ${proxy.url}`);
  t0 = process.hrtime.bigint();
  await Promise.all([reader(), reader(), reader(), ...writers.slice(0, 3).map((w) => writer(w)()), login(), returner(), returner(), faults()]);
  for (const child of [...apis, ...workers]) await sample(child, 'end');
  clearInterval(sampler);
  const loadSeconds = now();

  say('waiting for every approved return to be refunded and every rejected one to settle (at most 180 s)');
  const settleStarted = process.hrtime.bigint();
  let settled = { refunded: 0, rejected: 0 };
  while (seconds(settleStarted) < 180) {
    const { rows } = await sql.query<{ refunded: number; rejected: number }>(
      `select count(*) filter (where status = 'refunded')::int as refunded, count(*) filter (where status = 'rejected')::int as rejected from return_request`);
    settled = rows[0]!;
    if (settled.refunded >= returns.approved.size && settled.rejected >= returns.rejected.size) break;
    await sleep(500);
  }
  const { rows: [refunds] } = await sql.query<{ total: number; returns: number; duplicates: number; wrong: number }>(
    `select count(*)::int as total, count(distinct return_request_id)::int as returns,
            (count(*) - count(distinct return_request_id))::int as duplicates,
            (select count(*) from "order" o where o.refunded_cents <> coalesce((select sum(r.amount_cents) from refund r where r.order_id = o.id), 0))::int as wrong
       from refund`);
  const refundedIds = new Set((await sql.query<{ id: string }>(`select return_request_id as id from refund`)).rows.map((r) => r.id));
  const refundedRejected = [...returns.rejected].filter((id) => refundedIds.has(id)).length;
  const approvedNotRefunded = [...returns.approved].filter((id) => !refundedIds.has(id)).length;

  // No lost write: every address the load kept is there with the city last written; every deleted one is gone.
  const { rows: stored } = await sql.query<{ id: string; city: string }>('select id, city from customer_address where id = any($1)', [[...keptAddresses.keys(), ...deletedAddresses]]);
  const storedCity = new Map(stored.map((r) => [r.id, r.city]));
  const lostWrites = [...keptAddresses].filter(([id, city]) => storedCity.get(id) !== city).length + [...deletedAddresses].filter((id) => storedCity.has(id)).length;

  // The per-identifier OTP limit, hit alternately through both replicas directly: it must count once, in the database.
  const limited = `limit-${Math.random().toString(36).slice(2, 8)}@bench.cartly.test`;
  const statuses: number[] = [];
  for (let i = 0; i < OTP_PER_IDENTIFIER + 3; i++) {
    const a = await call(apis[i % 2]!.url, { method: 'POST', path: '/storefront/v1/customer/otp/request', sat: buyer.sat, body: { identifier: limited, channel: 'email' } });
    statuses.push(a.status);
  }
  const accepted = statuses.filter((s) => s === 200).length;
  const refused = statuses.filter((s) => s === 429).length;

  const inWindow = (at: number) => windows.some((w) => at >= w.from && at <= w.to);
  const errorsIn = stats.errors.filter((e) => inWindow(e.at));
  const errorsOut = stats.errors.filter((e) => !inWindow(e.at));
  const total = [...stats.requests.values()].reduce((a, b) => a + b, 0);
  const growth = (r: { start?: number; end?: number }) => (r.start && r.end ? `${(100 * (r.end / r.start - 1)).toFixed(1)} %` : 'n/a');
  const heapGrowth = (r: Memory) => (r.heapStart && r.heapEnd ? `heap ${MB(r.heapStart)} -> ${MB(r.heapEnd)}, ${(100 * (r.heapEnd / r.heapStart - 1)).toFixed(1)} %` : 'heap n/a');
  // The second half of a process's sampled life: a leak keeps climbing there, a warming heap has levelled off.
  const lateGrowth = (r: { series: number[] }) => {
    const half = r.series.slice(Math.floor(r.series.length / 2));
    return half.length >= 2 ? `${(100 * (half.at(-1)! / half[0]! - 1)).toFixed(1)} % over its last ${((half.length - 1) * RSS_EVERY_S).toFixed(0)} s` : 'n/a';
  };
  const ok = errorsOut.length === 0 && refunds!.duplicates === 0 && refunds!.wrong === 0 && approvedNotRefunded === 0 && refundedRejected === 0 && lostWrites === 0 && accepted === OTP_PER_IDENTIFIER;
  console.log(`
Scale-out soak: 2 API replicas behind a round-robin proxy, 2 workers, one PostgreSQL, one Temporal server; ${loadSeconds.toFixed(0)} s of mixed load
  faults: ${windows.map((w) => `${w.what} at t=${(w.from + 1).toFixed(0)} s`).join('; ')}
  requests                          ${total} (${(total / loadSeconds).toFixed(0)}/s): ${[...stats.requests].map(([k, v]) => `${k} ${v}`).join(', ')}
  errors outside restart windows    ${errorsOut.length}   (target 0)${errorsOut.slice(0, 5).map((e) => `\n      t=${e.at.toFixed(1)} s ${e.what}`).join('')}
  errors inside restart windows     ${errorsIn.length}${errorsIn.slice(0, 3).map((e) => `\n      t=${e.at.toFixed(1)} s ${e.what}`).join('')}
  OTP logins (code by mail, verify, CAT used on the next replica)  ${logins}
  returns requested / decided       ${returns.requested} / ${returns.approved.size} approved + ${returns.rejected.size} rejected
  refunded exactly once             ${refunds!.returns} of ${returns.approved.size} approved (refund rows ${refunds!.total}, duplicates ${refunds!.duplicates}, approved not refunded ${approvedNotRefunded}, rejected but refunded ${refundedRejected}, orders whose refunded total disagrees ${refunds!.wrong})
  writes lost                       ${lostWrites} of ${keptAddresses.size} addresses kept + ${deletedAddresses.size} deleted
  limits across replicas            OTP per identifier (${OTP_PER_IDENTIFIER} per 15 min), ${statuses.length} requests alternating replicas: ${accepted} accepted, ${refused} refused 429 — ${accepted === OTP_PER_IDENTIFIER ? 'held (counted once)' : 'NOT held'}
  RSS after warm-up -> end          ${Object.entries(rss).map(([k, r]) => `${k} ${r.start ? MB(r.start) : '-'} -> ${r.end ? MB(r.end) : '-'} (${growth(r)}; ${lateGrowth(r)}; ${heapGrowth(r)})`).join('\n                                    ')}
                                    (target: growth < 10 %; each reading after a full GC, every ${RSS_EVERY_S} s; a replaced process ends when it was stopped or killed)
node ${process.version}, ${os.cpus().length} CPUs; 1-min load average: ${os.loadavg()[0]!.toFixed(1)}
${ok ? 'soak: all correctness figures hold' : 'soak: SOME CORRECTNESS FIGURES ARE OFF (see above)'}`);
  if (!ok) process.exitCode = 1;
  await proxy.close();
} finally {
  await Promise.all([...children].map((c) => c.stop()));
  await sql.end();
  await smtp.close();
  await db.drop();
}
