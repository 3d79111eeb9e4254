import type { z } from 'zod';
import type { IAccountApiProvider, IAccountApiToken } from '@cartly/db';
import type { ZAccountApiProvider, ZAccountApiStatus } from '@cartly/contracts/portal-core';
import { accountApiRedirectUri } from './account-api-provider.js';

export function providerView(row: IAccountApiProvider, publicBaseUrl: string): z.infer<typeof ZAccountApiProvider> {
  return {
    issuer: row.issuer,
    client_id: row.clientId,
    has_client_secret: row.clientSecretSealed != null,
    graphql_url: row.graphqlUrl,
    scopes: row.scopes,
    redirect_uri: accountApiRedirectUri(publicBaseUrl),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function statusView(customerId: string, row: IAccountApiToken | null): z.infer<typeof ZAccountApiStatus> {
  return {
    customer_id: customerId,
    connected: row !== null,
    access_token_expires_at: row?.accessTokenExpiresAt.toISOString() ?? null,
    can_refresh: row?.refreshTokenSealed != null,
    scope: row?.scope ?? null,
  };
}
