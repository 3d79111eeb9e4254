/*
 * A small HTTP client for the scenarios that need a distinct body per request
 * (returns, logins, the soak): fetch with keep-alive, loopback only, and lanes
 * of concurrent work over a fixed list of jobs.
 */

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  sat?: string;
  bearer?: string;
  body?: unknown;
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`refusing to call ${host}: loopback only`);
}

export async function call<T = any>(base: string, c: Call): Promise<Answer<T>> {
  assertLoopback(base);
  const headers: Record<string, string> = {};
  if (c.sat) headers['x-shopify-storefront-access-token'] = c.sat;
  if (c.bearer) headers.authorization = `Bearer ${c.bearer}`;
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + c.path, { method: c.method, headers, body: c.body === undefined ? undefined : JSON.stringify(c.body) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: res.status, body: body as T };
}

/** Like call(), but any status other than `expect` throws with the answer. */
export async function must<T = any>(base: string, c: Call, expect = 200): Promise<T> {
  const a = await call<T>(base, c);
  if (a.status !== expect) throw new Error(`${c.method} ${c.path} answered ${a.status}: ${JSON.stringify(a.body).slice(0, 300)}`);
  return a.body;
}

/** Runs `work` over `items`, at most `lanes` at a time, in order of the list. */
export async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
}

export const seconds = (startedNs: bigint) => Number(process.hrtime.bigint() - startedNs) / 1e9;
