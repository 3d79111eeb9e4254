import { z } from 'zod';
import { ZId, ZTimestamp } from '../common/schemas.js';

/** The JWT `typ` header of each kind of token the API signs; verifiers require it. */
export const APP_SESSION_TOKEN_TYPE = 'cartly-ast+jwt';
export const APP_SESSION_TOKEN_MAX_SECONDS = 300;

export const ZAppSessionToken = z
  .object({
    token: z
      .string()
      .describe(
        `App session token (AST): an ES256 JWT with \`typ\` "${APP_SESSION_TOKEN_TYPE}", \`aud\` = the app's client id, ` +
          '`sub` = the customer id, `shop` = the shop id, `iss` = the API\'s public base URL, valid for at most 5 minutes.',
      ),
    expires_at: ZTimestamp,
  })
  .describe('A short-lived token an embedded app\'s front end hands to its own server.');
export type AppSessionToken = z.infer<typeof ZAppSessionToken>;

export const ZAppSession = z
  .object({
    customer_id: ZId.describe('The logged-in customer.'),
    shop_id: ZId.describe('The shop the customer belongs to (the calling app\'s shop).'),
    expires_at: ZTimestamp.describe('When the AST expires.'),
  })
  .describe('Whom the AST proves to be logged in.');
export type AppSession = z.infer<typeof ZAppSession>;

export const ZJsonWebKey = z
  .object({
    kty: z.string().describe('Key type (`EC`).'),
    crv: z.string().optional().describe('Curve (`P-256`).'),
    x: z.string().optional(),
    y: z.string().optional(),
    kid: z.string().describe('Key id; matches the `kid` header of the tokens it signed.'),
    alg: z.string().describe('Signature algorithm (`ES256`).'),
    use: z.literal('sig'),
  })
  .describe('A public signing key.');

export const ZJsonWebKeySet = z
  .object({ keys: z.array(ZJsonWebKey).describe('The current key first, then previous keys still accepted during rotation.') })
  .describe('JSON Web Key Set (RFC 7517).');
export type JsonWebKeySet = z.infer<typeof ZJsonWebKeySet>;
