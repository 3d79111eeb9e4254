import { normaliseEmail, type LoginRequestAnswer, type MagicLinkLogin } from '@cartly/contracts/passwordless';
import { decodeJwt } from 'jose';
import { Shop, uuidv7, type EntityManager, readRows } from '@cartly/db';
import { AppError } from '../errors.js';
import type { Env } from '../env.js';
import type { PasswordlessDeps } from './deps.js';
import { deliverEmail, waitLikeDelivery } from './delivery.js';
import { completeLogin, findCustomer, loadShop, loginFailed, signupAllowed } from './login.js';
import { magicLinkEmail } from './messages.js';
import { allowedRedirect } from './redirects.js';
import { enforcedSsoAnswer } from '../sso/enforced-sso.js';
import { throttleLoginRequest, type LoginRequestContext } from './request-context.js';

/** The JWT `typ` of a magic link: an AST (or any other token we sign) can never pass for one. */
export const MAGIC_LINK_TOKEN_TYPE = 'cartly-magic-link+jwt';
const MAGIC_LINK_TTL_SECONDS = 15 * 60;
/** The page the emailed link opens; the API serves it (see magic-link-page.ts). */
export const MAGIC_LINK_PAGE_PATH = '/magic-link';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The emailed URL: the configured public base URL (never the request's Host),
 * with the token in the fragment. Browsers never send a fragment to a server,
 * so a scanner fetching the URL gets only the static page.
 */
function magicLinkUrl(publicBaseUrl: string, token: string): string {
  const url = new URL(MAGIC_LINK_PAGE_PATH.slice(1), publicBaseUrl.replace(/\/?$/, '/'));
  url.hash = `token=${token}`;
  return url.toString();
}

export async function requestMagicLink(
  ctx: LoginRequestContext,
  input: { email: string; redirect_url?: string },
): Promise<LoginRequestAnswer> {
  const now = new Date();
  const shop = await loadShop(ctx.em, ctx.shopId);
  let redirect: string | undefined;
  if (input.redirect_url !== undefined) {
    redirect = allowedRedirect(input.redirect_url, shop.settings.redirectAllowList);
    if (!redirect) throw new AppError('VALIDATION_FAILED', 'redirect_url: is not on the shop\'s redirect allow-list');
  }
  // Enforced SSO: an email of that domain gets no link, only the company to log in with.
  const sso = await enforcedSsoAnswer(ctx.em, shop.id, input.email);
  if (sso) return sso;
  await throttleLoginRequest(ctx, input.email, now);

  // The shop-wide setting first, so with sign-up on no address costs a customer lookup (see otp.ts).
  if (signupAllowed(shop) || await findCustomer(ctx.em, shop.id, 'email', input.email)) {
    const { token } = await ctx.deps.keys.sign({
      typ: MAGIC_LINK_TOKEN_TYPE,
      audience: shop.id,
      ttlSeconds: MAGIC_LINK_TTL_SECONDS,
      claims: { email: input.email, ...(redirect ? { redirect_url: redirect } : {}) },
      now,
    });
    const { jti } = decodeJwt(token);
    await deliverEmail(ctx.deps, magicLinkEmail({
      to: input.email,
      shopName: shop.name,
      url: magicLinkUrl(ctx.env.PUBLIC_BASE_URL, token),
      ttlMinutes: MAGIC_LINK_TTL_SECONDS / 60,
    }));
    // Only after a successful delivery does the new link void the older ones (as with codes, otp.ts).
    await readRows(
      ctx.em,
      `insert into magic_link_latest (id, shop_id, email, jti, created_at) values (?, ?, ?, ?, ?)
       on conflict (shop_id, email) do update set jti = excluded.jti, created_at = excluded.created_at`,
      [uuidv7(), shop.id, input.email, jti, now],
    );
  } else {
    // Nothing to send to an address that may not sign up; take as long as sending would (delivery.ts).
    await waitLikeDelivery(ctx.deps, 'email');
  }
  return { accepted: true, resend_after_seconds: ctx.env.OTP_RESEND_COOLDOWN_SECONDS, expires_in_seconds: MAGIC_LINK_TTL_SECONDS };
}

/**
 * Verifies a magic link and uses it up. The signature, algorithm, `typ`,
 * issuer, age and expiry are checked by the key ring; `aud` names the shop
 * (and must be the storefront token's shop when one is sent). Using it up is
 * one INSERT of its `jti` that does nothing when the row exists: a replay, or
 * the loser of two concurrent uses, gets 401.
 */
export async function verifyMagicLink(
  ctx: { em: EntityManager; deps: PasswordlessDeps; env: Env; storefrontShopId?: string },
  token: string,
): Promise<MagicLinkLogin> {
  const now = new Date();
  const payload = await ctx.deps.keys.verify(token, { typ: MAGIC_LINK_TOKEN_TYPE, maxAgeSeconds: MAGIC_LINK_TTL_SECONDS, now });
  const { aud, jti, exp, email } = payload ?? {};
  if (typeof aud !== 'string' || !UUID.test(aud) || typeof jti !== 'string' || !UUID.test(jti) || typeof exp !== 'number' || typeof email !== 'string') {
    throw loginFailed('link');
  }
  const normalised = normaliseEmail(email);
  if (!normalised.ok || normalised.value !== email) throw loginFailed('link');
  if (ctx.storefrontShopId !== undefined && ctx.storefrontShopId !== aud) throw loginFailed('link');
  const shop = await ctx.em.findOne(Shop, { id: aud });
  if (!shop) throw loginFailed('link');

  // Only the newest link sent to the address logs in: sending one voids the older ones.
  const newest = await readRows<{ id: string }>(
    ctx.em,
    'select id from magic_link_latest where shop_id = ? and email = ? and jti = ?',
    [shop.id, email, jti],
  );
  if (newest.length === 0) throw loginFailed('link');

  const inserted = await readRows<{ id: string }>(
    ctx.em,
    `insert into magic_link_use (id, shop_id, jti, expires_at, created_at) values (?, ?, ?, ?, ?)
     on conflict (shop_id, jti) do nothing returning id`,
    [uuidv7(), shop.id, jti, new Date(exp * 1000), now],
  );
  if (inserted.length === 0) throw loginFailed('link');
  // Rows of links that expired over an hour ago are deleted by purgeStaleLoginState (purge.ts).

  const login = await completeLogin(ctx.em, {
    shop, channel: 'email', identifier: normalised.value, catTtlHours: ctx.env.CAT_TTL_HOURS, failure: 'link',
  });
  // The allow-list may have changed since the link was sent: check again.
  const redirect = typeof payload!.redirect_url === 'string' ? allowedRedirect(payload!.redirect_url, shop.settings.redirectAllowList) : undefined;
  return { ...login, redirect_url: redirect ?? null };
}
