import type { CustomerAccessTokenResult, LoginChannel } from '@cartly/contracts/passwordless';
import { Customer, UniqueConstraintViolationException, type EntityManager, type IShop } from '@cartly/db';
import { AppError } from '../errors.js';
import { currentShop } from '../shops/current-shop.js';
import { issueCustomerToken } from '../auth/credentials.js';
import { createCustomer } from '../customers/create-customer.js';

/** Every way a passwordless login can fail answers this one 401, so failures are indistinguishable. */
export const loginFailed = (what: 'code' | 'link') =>
  new AppError('UNAUTHENTICATED', what === 'code' ? 'invalid or expired code' : 'invalid or expired login link');

export function signupAllowed(shop: IShop): boolean {
  return shop.settings.passwordlessSignup !== false;
}

/** The storefront's shop (read once per request, see currentShop). */
export function loadShop(em: EntityManager, shopId: string): Promise<IShop> {
  return currentShop(em, shopId);
}

export function findCustomer(em: EntityManager, shopId: string, channel: LoginChannel, identifier: string) {
  return em.findOne(Customer, { shop: shopId, ...(channel === 'email' ? { email: identifier } : { phone: identifier }) }, { fields: ['id'] });
}

/**
 * Creates the customer in a savepoint (MikroORM nests em.transactional as
 * SAVEPOINT). A concurrent first login for the same identifier (an OTP and a
 * magic link at once) may create them first: then this one rolls back to the
 * savepoint, keeping the request's transaction usable, and logs in as that
 * customer instead of answering 409.
 */
async function signUp(em: EntityManager, shopId: string, channel: LoginChannel, identifier: string): Promise<string> {
  try {
    return await em.transactional(async (tx) =>
      (await createCustomer(tx, shopId, channel === 'email' ? { email: identifier } : { phone: identifier })).id,
    );
  } catch (e) {
    // The unique index caught the race, or createCustomer's own check saw the winner already committed.
    const lostRace = e instanceof UniqueConstraintViolationException || (e instanceof AppError && e.appCode === 'CONFLICT');
    if (!lostRace) throw e;
    const winner = await findCustomer(em, shopId, channel, identifier);
    if (!winner) throw e;
    return winner.id;
  }
}

/**
 * The last step of every passwordless login: the customer with that
 * identifier, created on first login unless the shop turned sign-up off, gets
 * the same CAT a password login would.
 */
export async function completeLogin(
  em: EntityManager,
  opts: { shop: IShop; channel: LoginChannel; identifier: string; catTtlHours: number; failure: 'code' | 'link' },
): Promise<CustomerAccessTokenResult> {
  let customerId = (await findCustomer(em, opts.shop.id, opts.channel, opts.identifier))?.id;
  if (!customerId) {
    if (!signupAllowed(opts.shop)) throw loginFailed(opts.failure);
    customerId = await signUp(em, opts.shop.id, opts.channel, opts.identifier);
  }
  const { token, expiresAt } = issueCustomerToken(em, { shopId: opts.shop.id, customerId, ttlHours: opts.catTtlHours });
  await em.flush();
  return { access_token: token, expires_at: expiresAt.toISOString(), customer_id: customerId };
}
