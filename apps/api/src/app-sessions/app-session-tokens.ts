import { APP_SESSION_TOKEN_MAX_SECONDS, APP_SESSION_TOKEN_TYPE } from '@cartly/contracts/app-sessions';
import type { SigningKeyRing } from '../adapters/signing-keys.js';

/*
 * App session tokens (AST): short-lived JWTs that tell one app's server which
 * customer its embedded front end is talking to. `aud` is the app's client
 * id, so no other app can use it; `sid` names the CAT it was issued from, so
 * server-side verification stops accepting it once that CAT is revoked.
 */

export interface AppSessionClaims {
  customerId: string;
  shopId: string;
  customerTokenId: string;
  expiresAt: Date;
}

/** Issues an AST for at most 5 minutes, and never past `notAfter` (the expiry of the CAT it comes from). */
export function issueAppSessionToken(
  keys: SigningKeyRing,
  opts: { appClientId: string; shopId: string; customerId: string; customerTokenId: string; notAfter: Date; now?: Date },
) {
  const now = opts.now ?? new Date();
  const untilCatExpires = Math.floor((opts.notAfter.getTime() - now.getTime()) / 1000);
  return keys.sign({
    typ: APP_SESSION_TOKEN_TYPE,
    audience: opts.appClientId,
    subject: opts.customerId,
    ttlSeconds: Math.max(0, Math.min(APP_SESSION_TOKEN_MAX_SECONDS, untilCatExpires)),
    claims: { shop: opts.shopId, sid: opts.customerTokenId },
    now,
  });
}

/** The AST's claims if it is valid for `appClientId`, else null. */
export async function readAppSessionToken(
  keys: SigningKeyRing,
  token: string,
  opts: { appClientId: string; now?: Date },
): Promise<AppSessionClaims | null> {
  const payload = await keys.verify(token, {
    typ: APP_SESSION_TOKEN_TYPE,
    audience: opts.appClientId,
    maxAgeSeconds: APP_SESSION_TOKEN_MAX_SECONDS,
    now: opts.now,
  });
  if (!payload) return null;
  const { sub, shop, sid, exp } = payload;
  if (typeof sub !== 'string' || typeof shop !== 'string' || typeof sid !== 'string' || typeof exp !== 'number') return null;
  return { customerId: sub, shopId: shop, customerTokenId: sid, expiresAt: new Date(exp * 1000) };
}
