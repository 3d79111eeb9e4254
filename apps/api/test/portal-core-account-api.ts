import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestIdp } from './oidc-provider.js';

/**
 * A small GraphQL endpoint on 127.0.0.1 standing in for the provider's
 * Customer Account API: it accepts only access tokens the test IdP issued and
 * still holds, and answers `{ customer { id emailAddress { emailAddress } } }`
 * (a query naming `huge` gets a 2 MB answer).
 */
export interface TestGraphql {
  url: string;
  /** The bearer tokens it was called with, in order. */
  tokens: string[];
  close(): Promise<void>;
}

export async function startTestGraphql(idp: TestIdp): Promise<TestGraphql> {
  const tokens: string[] = [];
  const server: Server = createServer((req, res) => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      void (async () => {
        if (token) tokens.push(token);
        const found = token ? await idp.provider.AccessToken.find(token) : undefined;
        if (!found || found.isExpired) {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: 'invalid token' }] }));
          return;
        }
        const body = JSON.parse(raw) as { query?: string; variables?: Record<string, unknown> };
        res.writeHead(200, { 'content-type': 'application/json' });
        if (body.query?.includes('huge')) {
          res.end(JSON.stringify({ data: { blob: 'x'.repeat(2 * 1024 * 1024) } })); // past the proxy's 1 MB cap
          return;
        }
        if (!body.query?.includes('customer')) {
          res.end(JSON.stringify({ errors: [{ message: 'Cannot query this field' }] }));
          return;
        }
        res.end(JSON.stringify({ data: { customer: { id: found.accountId, emailAddress: { emailAddress: `${found.accountId}@idp.test` }, echo: body.variables ?? null } } }));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    tokens,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
