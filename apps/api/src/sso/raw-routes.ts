import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { initSsoMeta, SSO_CALLBACK_PATH, SSO_ERROR_CODES } from '@cartly/contracts/sso';
import { contextFactory, type AppDeps } from '../context.js';
import { AppError, toErrorBody } from '../errors.js';
import type { RawRoute } from '../http/raw-routes.js';
import { sendSsoErrorPage } from './callback-page.js';
import { ssoRouter } from './router.js';
import { completeSsoLogin } from './sso-login.js';

/*
 * The two SSO routes that answer browser redirects: the REST face of init
 * (302 to the IdP; the same JSON as the tRPC procedure with
 * `Accept: application/json`) and the IdP's callback.
 */

const NO_STORE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

const wantsJson = (req: IncomingMessage) => /\bapplication\/json\b/i.test(req.headers.accept ?? '');

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', ...NO_STORE });
  res.end(JSON.stringify(body));
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, ...NO_STORE });
  res.end();
}

/** Any error as the SPEC §3 envelope with its status (input errors name the field). */
function sendError(req: IncomingMessage, res: ServerResponse, e: unknown, html: boolean): void {
  if (!(e instanceof TRPCError)) throw e;
  if (e.code === 'INTERNAL_SERVER_ERROR') throw e; // the frame logs it and answers 500 without internals
  const status = getHTTPStatusCodeFromError(e);
  const body = toErrorBody(e);
  if (!html) return sendJson(res, status, body);
  const title = status === 502 ? 'Your company\'s sign-in service is not answering' : 'This sign-in link cannot be used';
  sendSsoErrorPage(res, status, title, status === 502 ? `${body.error.message}.` : 'It is unknown, was already used or has expired. Go back to the shop and start the sign-in again.');
}

/** Query parameters as an object; one given twice is 400 (as on every REST route). */
function queryObject(req: IncomingMessage): Record<string, string> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const out: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1) throw new AppError('VALIDATION_FAILED', `${key}: given more than once`);
    out[key] = values[0]!;
  }
  return out;
}

/** A fragment never reaches a server (logs, Referer): the portal reads the CAT from it, as after a magic link. */
function withFragment(target: string, values: Record<string, string>): string {
  const url = new URL(target);
  url.hash = new URLSearchParams(values).toString();
  return url.toString();
}

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

export const ssoRawRoutes: RawRoute[] = [
  {
    // Documented by the `sso.init` procedure's contract (302 and the JSON face); this route adds the redirect.
    method: 'GET',
    path: initSsoMeta.openapi!.path,
    async handle(req, res, app: AppDeps) {
      try {
        const caller = ssoRouter.createCaller(contextFactory(app)({ req, res }));
        const out = await caller.init(queryObject(req) as never);
        if (wantsJson(req)) sendJson(res, 200, out);
        else redirect(res, out.authorization_url);
      } catch (e) {
        sendError(req, res, e, false);
      }
    },
  },
  {
    method: 'GET',
    path: SSO_CALLBACK_PATH,
    async handle(req, res, app: AppDeps) {
      const json = wantsJson(req);
      try {
        const result = await completeSsoLogin(
          { em: app.orm.em.fork(), deps: app.deps.sso, publicBaseUrl: app.env.PUBLIC_BASE_URL },
          new URL(req.url ?? '/', 'http://localhost').searchParams,
          app.env.CAT_TTL_HOURS,
        );
        if (result.ok) {
          if (json) return sendJson(res, 200, result.token);
          return redirect(res, withFragment(result.redirectUri, { ...result.token }));
        }
        if (json) {
          return sendJson(res, 422, { error: { code: 'BUSINESS_RULE', message: result.description, details: { error: result.code, redirect_uri: result.redirectUri } } });
        }
        redirect(res, withFragment(result.redirectUri, { error: result.code, error_description: result.description }));
      } catch (e) {
        sendError(req, res, e, !json);
      }
    },
    openapi: {
      tags: ['Enterprise SSO'],
      summary: 'The identity provider\'s redirect back after an SSO login',
      description:
        'The IdP sends the browser here (register `PUBLIC_BASE_URL` + this path as the redirect URI). The `state` is ' +
        'checked and used up first: an unknown, reused or expired state answers 400 (an HTML page for browsers, the error ' +
        'envelope with `Accept: application/json`) and no token request is made. Then the code is exchanged with the PKCE ' +
        'verifier and the ID token validated (signature, the issuer of the IdP that started this flow, aud, exp, iat, ' +
        'nonce); the email must be verified by the IdP (Google: the `hd` claim must be a company domain; Entra ID ' +
        'multi-tenant: `iss` must be the `{tenantid}` issuer with the token\'s `tid`). The customer is found by ' +
        '(issuer, subject), else by email, else created with the email marked verified; they join the company with its ' +
        'default role only when the email\'s domain is exactly one of its `email_domains` and they belong to no company.\n\n' +
        'Success: 302 to `redirect_uri#access_token=<CAT>&expires_at=<iso>&customer_id=<id>` (the fragment the ' +
        'magic-link page uses), or 200 with `{access_token, expires_at, customer_id}` for `Accept: application/json`. ' +
        `Failure once the state is known: 302 to \`redirect_uri#error=<code>&error_description=<text>\` (codes: ${SSO_ERROR_CODES.map((c) => `\`${c}\``).join(', ')}), ` +
        'or 422 with `details.error` = the code for JSON clients. An IdP that does not answer within `SSO_IDP_TIMEOUT_MS` ' +
        'gives 502 naming the provider.',
      parameters: [
        { name: 'state', in: 'query', required: true, schema: { type: 'string', maxLength: 200 }, description: 'The state from init.' },
        { name: 'code', in: 'query', required: false, schema: { type: 'string' }, description: 'Authorization code.' },
        { name: 'iss', in: 'query', required: false, schema: { type: 'string' }, description: 'The IdP\'s issuer (RFC 9207); must be the IdP this login started at.' },
        { name: 'error', in: 'query', required: false, schema: { type: 'string' }, description: 'The IdP\'s OAuth error, e.g. `access_denied`.' },
      ],
      responses: {
        200: {
          description: 'With `Accept: application/json`: the customer access token.',
          content: { 'application/json': { schema: { type: 'object', required: ['access_token', 'expires_at', 'customer_id'], properties: {
            access_token: { type: 'string' }, expires_at: { type: 'string', format: 'date-time' }, customer_id: { type: 'string', format: 'uuid' },
          } } } },
        },
        302: { description: 'Back to the `redirect_uri` given at init, with the token or the error in the URL fragment.' },
        400: { description: 'Unknown, reused, expired or missing state (HTML for browsers; the envelope for JSON clients).', content: errorContent },
        422: { description: 'JSON clients: the login was refused; `details.error` is the code.', content: errorContent },
        502: { description: 'The IdP did not answer in time or failed; the message names the company and provider.', content: errorContent },
      },
    },
  },
];
