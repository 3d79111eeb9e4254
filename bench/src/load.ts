import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface LoadFigures {
  /** 2xx responses per second over the measured window. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** 2xx responses in the measured window. */
  ok: number;
  /** Connection errors, timeouts and non-2xx answers: any of them makes the figures suspect. */
  failures: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Fixed connections, no pipelining, for a bounded time, against loopback only. */
export function applyLoad(opts: LoadOptions): Promise<LoadFigures> {
  const host = new URL(opts.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`refusing to load ${host}: loopback only`);
  // autocannon's own histogram keeps whole milliseconds; at a few ms per request we want the fractions.
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: opts.url, headers: opts.headers, connections: opts.connections, pipelining: 1, duration: opts.seconds },
      (err, result) => {
        if (err) return reject(err);
        const sorted = Float64Array.from(latencies).sort();
        resolve({
          rps: result['2xx'] / result.duration,
          p50Ms: percentile(sorted, 50),
          p99Ms: percentile(sorted, 99),
          ok: result['2xx'],
          failures: result.errors + result.timeouts + result.non2xx,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}
