import { createServer, request, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * The soak's load balancer: node:http, round-robin over the API replicas in
 * rotation, on 127.0.0.1 only. A replica is taken out of rotation before it is
 * restarted (as a load balancer drains a target) and put back once it
 * listens. A request whose connection to a replica is refused never reached
 * it, so it is sent to the next one; anything else is answered 502 and counted.
 */

export interface Proxy {
  url: string;
  /** Takes a replica out of rotation; requests already sent to it finish there. */
  drain(upstream: string): void;
  add(upstream: string): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

export async function startProxy(initial: string[]): Promise<Proxy> {
  const upstreams = [...initial];
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;

  function forward(req: IncomingMessage, body: Buffer, res: ServerResponse, attempt: number): void {
    if (upstreams.length === 0) {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"NO_UPSTREAM"}}');
      return;
    }
    const target = new URL(upstreams[next++ % upstreams.length]!);
    if (target.hostname !== '127.0.0.1') throw new Error('proxy: loopback only');
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
    const up = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      const out = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
    });
    up.on('error', (e: NodeJS.ErrnoException) => {
      // Refused, or a pooled keep-alive socket the replica had closed: the request never ran, so try the next replica.
      const neverRan = e.code === 'ECONNREFUSED' || (e.code === 'ECONNRESET' && up.reusedSocket);
      if (neverRan && !res.headersSent && attempt < 3) return forward(req, body, res, attempt + 1);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'BAD_GATEWAY', message: e.code } }));
      else res.destroy();
    });
    up.end(body);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, Buffer.concat(chunks), res, 0));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    drain(upstream) {
      const i = upstreams.indexOf(upstream);
      if (i >= 0) upstreams.splice(i, 1);
    },
    add(upstream) {
      upstreams.push(upstream);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
