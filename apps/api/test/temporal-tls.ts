import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import type { AddressInfo } from 'node:net';

/** PEM files of a throwaway CA, a server certificate (temporal.test, 127.0.0.1) and a client certificate, all signed by it. */
export interface TestCertificates {
  dir: string;
  caFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  /** A second CA that signed nothing here: trusting it instead must fail. */
  strangerCaFile: string;
  remove(): void;
}

/** Generated at test time with the system's openssl (P-256, valid one day); nothing is committed. */
export function generateTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'cartly-tls-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  writeFileSync(at('ext.cnf'), [
    '[server]', 'subjectAltName=DNS:temporal.test,IP:127.0.0.1', 'extendedKeyUsage=serverAuth',
    '[client]', 'extendedKeyUsage=clientAuth', '',
  ].join('\n'));
  for (const ca of ['ca', 'stranger-ca']) {
    openssl('req', '-x509', ...key, '-keyout', `${ca}.key`, '-out', `${ca}.pem`, '-days', '1', '-subj', `/CN=cartly ${ca}`);
  }
  for (const [name, cn] of [['server', 'temporal.test'], ['client', 'cartly-api']] as const) {
    openssl('req', ...key, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`,
      '-days', '1', '-extfile', 'ext.cnf', '-extensions', name);
  }
  return {
    dir,
    caFile: at('ca.pem'),
    serverCertFile: at('server.pem'),
    serverKeyFile: at('server.key'),
    clientCertFile: at('client.pem'),
    clientKeyFile: at('client.key'),
    strangerCaFile: at('stranger-ca.pem'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface LoopbackProxy {
  address: string;
  /** Connections that completed the handshake and were forwarded. */
  forwarded: number;
  close(): Promise<void>;
}

function listen(server: Server, sockets: Set<Socket>): Promise<string> {
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function closer(server: Server, sockets: Set<Socket>) {
  return () => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

/**
 * A TLS-terminating TCP proxy on loopback in front of the (plaintext) Temporal
 * dev server, which cannot serve TLS itself: with `mtls` it also demands a
 * client certificate signed by the test CA.
 */
export async function startTlsProxy(certs: TestCertificates, upstream: string, opts: { mtls: boolean }): Promise<LoopbackProxy> {
  const [host, port] = [upstream.slice(0, upstream.lastIndexOf(':')), Number(upstream.slice(upstream.lastIndexOf(':') + 1))];
  const sockets = new Set<Socket>();
  const proxy: LoopbackProxy = { address: '', forwarded: 0, close: async () => undefined };
  const server = createTlsServer(
    {
      key: readFileSync(certs.serverKeyFile),
      cert: readFileSync(certs.serverCertFile),
      ca: readFileSync(certs.caFile),
      requestCert: opts.mtls,
      rejectUnauthorized: opts.mtls,
      ALPNProtocols: ['h2'],
      minVersion: 'TLSv1.2',
    },
    (client) => {
      proxy.forwarded++;
      const backend = connect(port, host);
      sockets.add(backend);
      client.on('error', () => backend.destroy());
      backend.on('error', () => client.destroy());
      backend.on('close', () => sockets.delete(backend));
      client.pipe(backend).pipe(client);
    },
  );
  server.on('tlsClientError', () => undefined);
  proxy.address = await listen(server, sockets);
  proxy.close = closer(server, sockets);
  return proxy;
}

/** A "Temporal" that accepts connections and never says a word: every call to it can only time out. */
export async function startSilentServer(): Promise<LoopbackProxy> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((s) => s.on('error', () => undefined));
  const proxy: LoopbackProxy = { address: await listen(server, sockets), forwarded: 0, close: async () => undefined };
  proxy.close = closer(server, sockets);
  return proxy;
}
