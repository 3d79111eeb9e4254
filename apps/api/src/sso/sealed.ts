/*
 * Associated data of every value SSO seals: the purpose and the company (and
 * the login row for per-login values), so a sealed secret copied to another
 * company, shop or column does not open.
 */
export const sealedFor = {
  clientSecret: (shopId: string, companyId: string) => `sso:client-secret:${shopId}:${companyId}`,
  codeVerifier: (shopId: string, companyId: string, loginId: string) => `sso:code-verifier:${shopId}:${companyId}:${loginId}`,
  nonce: (shopId: string, companyId: string, loginId: string) => `sso:nonce:${shopId}:${companyId}:${loginId}`,
};
