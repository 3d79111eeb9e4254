import { AccountApiToken, LockMode, type EntityManager, type IAccountApiToken } from '@cartly/db';
import type { SecretBox } from '../lib/secret-box.js';
import { AppError } from '../errors.js';
import { ProviderGrantRefused, type CustomerAccountClient, type ProviderSettings, type ProviderTokens } from './customer-account-client.js';
import { sealedFor } from './account-api-provider.js';

/** Refresh this long before expiry, so a token never expires mid-request at the provider. */
export const REFRESH_MARGIN_MS = 2 * 60_000;

export interface TokenDeps {
  em: EntityManager;
  box: SecretBox;
  client: CustomerAccountClient;
}

const reauth = (why: string) => new AppError('UNAUTHENTICATED', `customer account not connected: ${why}; start the login again`);

/** Stores (or replaces) a customer's tokens, sealed; the caller flushes. */
export function storeTokens(
  em: EntityManager, box: SecretBox, where: { shopId: string; customerId: string }, tokens: ProviderTokens & { subject: string },
  existing: IAccountApiToken | null,
): IAccountApiToken {
  const fields = {
    accessTokenSealed: box.seal(tokens.accessToken, sealedFor.accessToken(where.shopId, where.customerId)),
    refreshTokenSealed: tokens.refreshToken ? box.seal(tokens.refreshToken, sealedFor.refreshToken(where.shopId, where.customerId)) : null,
    idTokenSealed: tokens.idToken ? box.seal(tokens.idToken, sealedFor.idToken(where.shopId, where.customerId)) : null,
    subject: tokens.subject,
    scope: tokens.scope,
    accessTokenExpiresAt: tokens.expiresAt,
  };
  if (existing) return em.assign(existing, fields);
  return em.create(AccountApiToken, { shop: where.shopId, customer: where.customerId, ...fields });
}

/**
 * The customer's access token, refreshed first when it is expired or about to
 * be. The refresh is single-flight across requests and replicas: it runs
 * under a row lock, and whoever gets the lock second finds the fresh token and
 * does not refresh again. `em` must not be inside a transaction (this commits
 * its own, so a refused refresh deletes the tokens even though the call fails).
 */
export async function freshAccessToken(deps: TokenDeps, settings: ProviderSettings, where: { shopId: string; customerId: string }): Promise<string> {
  const open = (row: IAccountApiToken) => deps.box.open(row.accessTokenSealed, sealedFor.accessToken(where.shopId, where.customerId));
  const fresh = (row: IAccountApiToken) => row.accessTokenExpiresAt.getTime() - Date.now() > REFRESH_MARGIN_MS;

  const row = await deps.em.findOne(AccountApiToken, { shop: where.shopId, customer: where.customerId });
  if (!row) throw reauth('no stored tokens');
  if (fresh(row)) return open(row);

  const outcome = await deps.em.transactional(async (tx) => {
    const locked = await tx.findOne(
      AccountApiToken, { shop: where.shopId, customer: where.customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!locked) return { ok: false, why: 'no stored tokens' } as const;
    if (fresh(locked)) return { ok: true, token: open(locked) } as const;
    if (!locked.refreshTokenSealed) return { ok: false, why: 'the access token expired and there is no refresh token' } as const;
    const refreshToken = deps.box.open(locked.refreshTokenSealed, sealedFor.refreshToken(where.shopId, where.customerId));
    let tokens: ProviderTokens;
    try {
      tokens = await deps.client.refresh(settings, refreshToken);
    } catch (e) {
      if (e instanceof ProviderGrantRefused) {
        // The grant is gone at the provider: what we hold is useless, so it goes too.
        tx.remove(locked);
        await tx.flush();
        return { ok: false, why: 'the provider refused the refresh token' } as const;
      }
      throw new AppError('UPSTREAM_FAILED', 'the customer account provider did not answer the token refresh', { cause: e });
    }
    storeTokens(tx, deps.box, where, {
      ...tokens,
      // A provider that does not rotate refresh tokens (or omit a new ID token) keeps the old ones valid.
      refreshToken: tokens.refreshToken ?? refreshToken,
      idToken: tokens.idToken ?? (locked.idTokenSealed ? deps.box.open(locked.idTokenSealed, sealedFor.idToken(where.shopId, where.customerId)) : null),
      subject: tokens.subject ?? locked.subject,
    }, locked);
    await tx.flush();
    return { ok: true, token: tokens.accessToken } as const;
  });
  if (!outcome.ok) throw reauth(outcome.why);
  return outcome.token;
}
