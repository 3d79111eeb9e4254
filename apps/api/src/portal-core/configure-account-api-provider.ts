import { AccountApiAuthorization, AccountApiProvider, AccountApiToken, type EntityManager, type IAccountApiProvider } from '@cartly/db';
import type { SecretBox } from '../lib/secret-box.js';
import { AppError } from '../errors.js';
import { ProviderUnavailable, ProviderUnsuitable, type CustomerAccountClient } from './customer-account-client.js';
import { sealedFor } from './account-api-provider.js';

export interface ProviderInput {
  issuer: string;
  clientId: string;
  /** undefined keeps the stored secret; null makes a public client. */
  clientSecret: string | null | undefined;
  graphqlUrl: string;
  scopes: string;
}

/**
 * Saves the shop's provider after checking its discovery document. Tokens and
 * pending logins of another issuer or client are deleted with the change:
 * they could never be refreshed or completed with the new client.
 */
export async function configureAccountApiProvider(
  deps: { em: EntityManager; box: SecretBox; client: CustomerAccountClient },
  shopId: string,
  input: ProviderInput,
): Promise<IAccountApiProvider> {
  const existing = await deps.em.findOne(AccountApiProvider, { shop: shopId });
  const secret = input.clientSecret !== undefined
    ? input.clientSecret
    : existing?.clientSecretSealed ? deps.box.open(existing.clientSecretSealed, sealedFor.clientSecret(shopId)) : null;
  try {
    await deps.client.check({ issuer: input.issuer, clientId: input.clientId, clientSecret: secret });
  } catch (e) {
    if (e instanceof ProviderUnsuitable) throw new AppError('BUSINESS_RULE', `issuer: ${e.message}`);
    if (e instanceof ProviderUnavailable) throw new AppError('UPSTREAM_FAILED', 'issuer: the discovery document could not be fetched', { cause: e });
    throw e;
  }
  const fields = {
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecretSealed: secret === null ? null : deps.box.seal(secret, sealedFor.clientSecret(shopId)),
    graphqlUrl: input.graphqlUrl,
    scopes: input.scopes,
  };
  if (existing && (existing.issuer !== input.issuer || existing.clientId !== input.clientId)) {
    await deps.em.nativeDelete(AccountApiToken, { shop: shopId });
    await deps.em.nativeDelete(AccountApiAuthorization, { shop: shopId });
  }
  const row = existing ? deps.em.assign(existing, fields) : deps.em.create(AccountApiProvider, { shop: shopId, ...fields });
  await deps.em.flush();
  return row;
}
