import { AccountApiProvider, type EntityManager, type IAccountApiProvider } from '@cartly/db';
import type { SecretBox } from '../lib/secret-box.js';
import type { ProviderSettings } from './customer-account-client.js';

export const ACCOUNT_API_PATH = '/subscriptions/cp/api/customer-account-api';
export const ACCOUNT_API_CALLBACK_PATH = `${ACCOUNT_API_PATH}/oauth/callback`;
export const ACCOUNT_API_LOGOUT_PATH = `${ACCOUNT_API_PATH}/logout`;

/** Associated data for each sealed value: a value sealed for one shop, customer or purpose opens nowhere else. */
export const sealedFor = {
  clientSecret: (shopId: string) => `account-api:client-secret:${shopId}`,
  codeVerifier: (shopId: string, authorizationId: string) => `account-api:code-verifier:${shopId}:${authorizationId}`,
  accessToken: (shopId: string, customerId: string) => `account-api:access-token:${shopId}:${customerId}`,
  refreshToken: (shopId: string, customerId: string) => `account-api:refresh-token:${shopId}:${customerId}`,
  idToken: (shopId: string, customerId: string) => `account-api:id-token:${shopId}:${customerId}`,
};

/** The callback URL registered at the provider; built from PUBLIC_BASE_URL, never from the Host header. */
export function accountApiRedirectUri(publicBaseUrl: string): string {
  return new URL(ACCOUNT_API_CALLBACK_PATH, publicBaseUrl).toString();
}

export interface LoadedProvider {
  row: IAccountApiProvider;
  settings: ProviderSettings;
}

export async function loadAccountApiProvider(em: EntityManager, box: SecretBox, shopId: string): Promise<LoadedProvider | null> {
  const row = await em.findOne(AccountApiProvider, { shop: shopId });
  if (!row) return null;
  return {
    row,
    settings: {
      issuer: row.issuer,
      clientId: row.clientId,
      clientSecret: row.clientSecretSealed ? box.open(row.clientSecretSealed, sealedFor.clientSecret(shopId)) : null,
    },
  };
}
