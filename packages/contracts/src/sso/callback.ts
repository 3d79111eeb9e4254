/** The IdP redirects the browser here (a raw route: it answers redirects and HTML). Register `PUBLIC_BASE_URL` + this path at the IdP. */
export const SSO_CALLBACK_PATH = '/storefront/v1/customer/sso/callback';

/** Codes of `#error=` on the redirect_uri after a failed login (the state was valid). */
export const SSO_ERROR_CODES = [
  'access_denied',
  'authorization_failed',
  'login_expired',
  'sso_not_available',
  'token_exchange_failed',
  'email_not_verified',
  'email_missing',
  'hosted_domain_mismatch',
  'tenant_mismatch',
  'account_conflict',
  'signup_disabled',
  'provider_unavailable',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];
