import type { CustomerAccessTokenResult } from '@cartly/contracts';
import { Customer, Shop, type EntityManager, type IShop } from '@cartly/db';
import { AppError } from '../../errors.js';
import { issueCustomerToken } from '../../auth/credentials.js';
import { createCustomer } from '../customers.js';

/** Every way a passwordless login can fail answers this one 401, so failures are indistinguishable. */
export const loginFailed = (what: 'code' | 'link') =>
  new AppError('UNAUTHENTICATED', what === 'code' ? 'invalid or expired code' : 'invalid or expired login link');

export function signupAllowed(shop: IShop): boolean {
  return shop.settings.passwordlessSignup !== false;
}

export async function loadShop(em: EntityManager, shopId: string): Promise<IShop> {
  const shop = await em.findOne(Shop, { id: shopId });
  if (!shop) throw new AppError('UNAUTHENTICATED', 'missing or invalid storefront access token');
  return shop;
}

export function findCustomer(em: EntityManager, shopId: string, channel: 'email' | 'sms', identifier: string) {
  return em.findOne(Customer, { shop: shopId, ...(channel === 'email' ? { email: identifier } : { phone: identifier }) }, { fields: ['id'] });
}

/**
 * The last step of every passwordless login: the customer with that
 * identifier, created on first login unless the shop turned sign-up off, gets
 * the same CAT a password login would.
 */
export async function completeLogin(
  em: EntityManager,
  opts: { shop: IShop; channel: 'email' | 'sms'; identifier: string; catTtlHours: number; failure: 'code' | 'link' },
): Promise<CustomerAccessTokenResult> {
  let customerId = (await findCustomer(em, opts.shop.id, opts.channel, opts.identifier))?.id;
  if (!customerId) {
    if (!signupAllowed(opts.shop)) throw loginFailed(opts.failure);
    const created = await createCustomer(em, opts.shop.id, opts.channel === 'email' ? { email: opts.identifier } : { phone: opts.identifier });
    customerId = created.id;
  }
  const { token, expiresAt } = issueCustomerToken(em, { shopId: opts.shop.id, customerId, ttlHours: opts.catTtlHours });
  await em.flush();
  return { access_token: token, expires_at: expiresAt.toISOString(), customer_id: customerId };
}
