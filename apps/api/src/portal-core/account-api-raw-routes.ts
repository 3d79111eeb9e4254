import type { IncomingMessage, ServerResponse } from 'node:http';
import { Shop } from '@cartly/db';
import type { AppDeps } from '../context.js';
import { bearer } from '../http/headers.js';
import { AppError } from '../errors.js';
import { resolveCustomerToken } from '../auth/credentials.js';
import { allowedRedirect } from '../passwordless/redirects.js';
import type { RawRoute } from '../http/raw-routes.js';
import { ACCOUNT_API_CALLBACK_PATH, ACCOUNT_API_LOGOUT_PATH } from './account-api-provider.js';
import { completeAccountApiLogin } from './account-api-login.js';
import { logoutAccountApi } from './logout-account-api.js';

/*
 * The two Customer Account API routes that answer browser redirects (302),
 * which tRPC cannot: the provider's callback, and logout.
 */

function redirect(req: IncomingMessage, res: ServerResponse, location: string): void {
  // A front end that cannot read a 302 (fetch in a browser) asks for JSON instead.
  if (/\bapplication\/json\b/i.test(req.headers.accept ?? '')) {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ redirect_url: location }));
    return;
  }
  res.writeHead(302, { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end();
}

function query(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

const redirectResponses = {
  302: { description: 'Redirect (`Location`). With `Accept: application/json`, 200 `{"redirect_url": "..."}` instead.' },
  400: { description: 'Bad request', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  500: { description: 'Internal server error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

export const accountApiRawRoutes: RawRoute[] = [
  {
    method: 'GET',
    path: ACCOUNT_API_CALLBACK_PATH,
    async handle(req, res, app: AppDeps) {
      const location = await completeAccountApiLogin(
        { em: app.orm.em.fork(), box: app.deps.portalCore.secretBox, client: app.deps.portalCore.customerAccount, publicBaseUrl: app.env.PUBLIC_BASE_URL },
        query(req),
      );
      redirect(req, res, location);
    },
    openapi: {
      tags: ['Portal core', 'Customer Account API'],
      summary: 'OAuth callback of the customer-account provider',
      description:
        'The provider redirects the browser here. The `state` is checked (and consumed) before any token request; an ' +
        'unknown, reused or malformed state answers 400. Then the code is exchanged (PKCE), the ID token validated and the ' +
        'tokens stored encrypted; the browser goes back to the `return_url` given at initiate, with `?error=` ' +
        '(`access_denied`, `login_expired`, `token_exchange_failed`...) when the login did not complete.',
      parameters: [
        { name: 'state', in: 'query', required: true, schema: { type: 'string' }, description: 'The state from initiate.' },
        { name: 'code', in: 'query', required: false, schema: { type: 'string' }, description: 'Authorization code.' },
        { name: 'error', in: 'query', required: false, schema: { type: 'string' }, description: 'The provider\'s OAuth error, e.g. `access_denied`.' },
      ],
      responses: redirectResponses,
    },
  },
  {
    method: 'GET',
    path: ACCOUNT_API_LOGOUT_PATH,
    async handle(req, res, app: AppDeps) {
      const params = query(req);
      const unknown = [...params.keys()].find((k) => k !== 'return_url');
      if (unknown) throw new AppError('VALIDATION_FAILED', `${unknown}: is not a known field`);
      const em = app.orm.em.fork();
      const customer = await resolveCustomerToken(em, bearer(req));
      const shop = await em.findOneOrFail(Shop, { id: customer.shopId });
      const returnUrl = allowedRedirect(params.get('return_url') ?? '', shop.settings.redirectAllowList);
      if (!returnUrl) throw new AppError('VALIDATION_FAILED', 'return_url: required, and must be on the shop\'s redirect allow-list');
      const location = await logoutAccountApi(
        { em, box: app.deps.portalCore.secretBox, client: app.deps.portalCore.customerAccount },
        { shopId: customer.shopId, customerId: customer.customerId },
        returnUrl,
      );
      redirect(req, res, location);
    },
    openapi: {
      tags: ['Portal core', 'Customer Account API'],
      summary: 'Log out of the Customer Account API: delete the stored tokens and redirect',
      description:
        'Deletes the customer\'s stored tokens, then redirects to the provider\'s end-session endpoint (RP-initiated ' +
        'logout, with `id_token_hint` and `post_logout_redirect_uri` = `return_url`) when it has one, else to `return_url`.',
      security: [{ CustomerAccessToken: [] }],
      parameters: [
        { name: 'return_url', in: 'query', required: true, schema: { type: 'string' }, description: 'Where to end up; on the shop\'s redirect allow-list.' },
      ],
      responses: {
        ...redirectResponses,
        401: { description: 'Missing or invalid customer access token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  },
];
