import { AccountApiToken, type EntityManager } from '@cartly/db';
import type { SecretBox } from '../lib/secret-box.js';
import type { CustomerAccountClient } from './customer-account-client.js';
import { loadAccountApiProvider, sealedFor } from './account-api-provider.js';

/**
 * Deletes the customer's stored tokens and answers where to send the browser:
 * the provider's end-session endpoint (RP-initiated logout, coming back to
 * `returnUrl`) when it has one and we held an ID token, else `returnUrl`.
 * The tokens are gone whatever the provider does.
 */
export async function logoutAccountApi(
  deps: { em: EntityManager; box: SecretBox; client: CustomerAccountClient },
  where: { shopId: string; customerId: string },
  returnUrl: string,
): Promise<string> {
  const row = await deps.em.findOne(AccountApiToken, { shop: where.shopId, customer: where.customerId });
  if (!row) return returnUrl;
  const idToken = row.idTokenSealed ? deps.box.open(row.idTokenSealed, sealedFor.idToken(where.shopId, where.customerId)) : null;
  await deps.em.nativeDelete(AccountApiToken, { id: row.id, shop: where.shopId });
  const provider = await loadAccountApiProvider(deps.em, deps.box, where.shopId);
  if (!provider || !idToken) return returnUrl;
  try {
    const url = await deps.client.endSessionUrl(provider.settings, { idTokenHint: idToken, postLogoutRedirectUri: returnUrl });
    return url?.toString() ?? returnUrl;
  } catch {
    return returnUrl; // provider unreachable: our side is logged out, which is what the customer asked for
  }
}
