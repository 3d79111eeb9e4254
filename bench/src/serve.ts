import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpuProfiler } from './profile.js';

export type ParentMessage = 'stop' | 'cpu' | 'rss' | { profileStart: true } | { profileStop: string };

/**
 * Child side of child.ts: announce the URL, answer the parent's requests
 * (CPU time so far, profile the measured window), and shut down when told
 * to or when the parent goes away.
 */
export function serveUntilStopped(url: string, close: () => Promise<void>): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void close()
      .catch((e: unknown) => console.error('[bench] close failed:', e))
      .finally(() => process.exit(0));
  };
  const profiler = cpuProfiler();
  const reply = (m: object) => process.send!(m);
  process.on('message', (m: ParentMessage) => {
    if (m === 'stop') stop();
    else if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      reply({ cpuMicros: user + system });
    } else if (m === 'rss') {
      // After a full collection (children run with --expose-gc): what is still live, not what the heap happens to hold.
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      reply({ rssBytes: rss, heapBytes: heapUsed });
    } else if ('profileStart' in m) void profiler.start().then(() => reply({ profiling: true }));
    else if ('profileStop' in m) void profiler.stop(m.profileStop).then(() => reply({ profiled: m.profileStop }));
  });
  process.on('disconnect', stop);
  reply({ url });
}

/** A bare node:http baseline: listen on a free loopback port, then serve until stopped, closing its pool. */
export function listenBaseline(server: Server, pool: { end(): Promise<void> }): void {
  server.keepAliveTimeout = 5_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    serveUntilStopped(`http://127.0.0.1:${port}`, async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    });
  });
}
