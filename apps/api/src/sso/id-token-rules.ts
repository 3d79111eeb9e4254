import type { SsoProviderKind } from '@cartly/db';
import type { IdTokenClaims } from './idp-client.js';

/*
 * What the ID token must also say, beyond the signature, iss, aud, exp, iat
 * and nonce that openid-client checks, per provider as its documentation
 * says. Pure functions, unit-tested (id-token-rules.test.ts).
 */

export type ClaimsVerdict = { ok: true } | { ok: false; code: 'email_not_verified' | 'email_missing' | 'hosted_domain_mismatch' | 'tenant_mismatch'; description: string };

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Microsoft Entra ID: the multi-tenant endpoints (`common`, `organizations`)
 * publish the issuer `https://login.microsoftonline.com/{tenantid}/v2.0`; a
 * token's `iss` is valid when it is that template with the token's own `tid`
 * (a GUID) put in. A tenant-specific issuer must match exactly.
 */
export function azureIssuerValid(discoveredIssuer: string, claims: { iss?: unknown; tid?: unknown }): boolean {
  if (typeof claims.iss !== 'string') return false;
  if (!discoveredIssuer.includes('{tenantid}')) return claims.iss === discoveredIssuer;
  if (typeof claims.tid !== 'string' || !TENANT_ID.test(claims.tid)) return false;
  return claims.iss === discoveredIssuer.replace('{tenantid}', claims.tid);
}

/**
 * Google: `hd` is the Google Workspace domain of the account; the `hd`
 * request parameter is only a hint to the account chooser, so the claim must
 * be checked, and be one of the company's domains. Consumer accounts have none.
 */
export function googleHostedDomainValid(claims: Record<string, unknown>, companyDomains: readonly string[]): boolean {
  return typeof claims.hd === 'string' && companyDomains.includes(claims.hd.toLowerCase());
}

/**
 * The IdP vouches for the email: `email_verified: true`. Entra ID does not
 * send `email_verified`; its optional claim `xms_edov` (email domain owner
 * verified) is Microsoft's documented equivalent.
 */
export function emailVerified(provider: SsoProviderKind, claims: Record<string, unknown>): boolean {
  if (claims.email_verified === true) return true;
  return provider === 'azure' && (claims.xms_edov === true || claims.xms_edov === 1 || claims.xms_edov === '1');
}

/** Every rule at once, in order; the first that fails names the error. */
export function checkIdTokenClaims(
  provider: SsoProviderKind,
  discoveredIssuer: string,
  companyDomains: readonly string[],
  claims: IdTokenClaims,
): ClaimsVerdict {
  if (provider === 'azure' && !azureIssuerValid(discoveredIssuer, claims)) {
    return { ok: false, code: 'tenant_mismatch', description: 'The ID token was issued by another Microsoft tenant.' };
  }
  if (typeof claims.email !== 'string' || claims.email === '') {
    return { ok: false, code: 'email_missing', description: 'The identity provider did not share an email address.' };
  }
  if (!emailVerified(provider, claims)) {
    return { ok: false, code: 'email_not_verified', description: 'The identity provider has not verified this email address.' };
  }
  if (provider === 'google' && !googleHostedDomainValid(claims, companyDomains)) {
    return { ok: false, code: 'hosted_domain_mismatch', description: 'This Google account is not part of the company\'s Google Workspace.' };
  }
  return { ok: true };
}
