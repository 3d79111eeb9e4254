import { CustomerAccessToken, type EntityManager } from '@cartly/db';

/**
 * Revokes every live CAT of the customer (but `exceptTokenId`, the caller's
 * own). App session tokens die with them: each is checked against the CAT it
 * was derived from (isCustomerTokenLive). Returns how many were revoked.
 */
export async function revokeCustomerSessions(
  em: EntityManager,
  opts: { shopId: string; customerId: string; exceptTokenId?: string },
): Promise<number> {
  return em.nativeUpdate(
    CustomerAccessToken,
    {
      shop: opts.shopId,
      customer: opts.customerId,
      revokedAt: null,
      ...(opts.exceptTokenId ? { id: { $ne: opts.exceptTokenId } } : {}),
    },
    { revokedAt: new Date() },
  );
}
