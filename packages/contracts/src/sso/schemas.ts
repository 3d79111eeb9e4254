import { z } from 'zod';
import { text } from '../common/text.js';
import { ZId, ZTimestamp } from '../common/schemas.js';
import { ZCompanyRole } from '../companies/schemas.js';

/* Shapes of enterprise SSO (SPEC §8): a company's OIDC identity provider. */

export const SSO_PROVIDERS = ['google', 'azure', 'okta', 'custom'] as const;
export type SsoProvider = (typeof SSO_PROVIDERS)[number];

export const ZSsoProvider = z
  .enum(SSO_PROVIDERS)
  .describe('`google` (Workspace: the ID token\'s `hd` must be one of the email domains), `azure` (Entra ID; a multi-tenant `{tenantid}` issuer is checked against the token\'s `tid`), `okta`, or `custom` (any OpenID provider).');

/** https, or http on loopback (a developer's or a test's IdP); no credentials, query or fragment. */
export const ZIssuerUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((raw) => {
    const u = new URL(raw);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    return (u.protocol === 'https:' || loopback) && !u.username && !u.password && !u.hash && !u.search;
  }, 'must be an https URL (http only on loopback) without credentials, query or fragment')
  .describe('The IdP\'s OpenID issuer URL; its discovery document is `<issuer>/.well-known/openid-configuration`.');

export const ZEmailDomain = text({ min: 1, max: 253 })
  .describe('An email domain of the company (`example.com`, IDN allowed: stored lower-case in its ASCII `xn--` form). Consumer mail domains and domains another company of the shop claims are refused.');

export const ZEmailDomains = z
  .array(ZEmailDomain)
  .min(1, 'give at least one email domain')
  .max(20, 'at most 20 email domains');

/** What the merchant sees of a company's SSO configuration: never the secret. */
export const ZAdminSsoConfig = z
  .object({
    company_id: ZId,
    provider: ZSsoProvider,
    issuer: z.string().describe('OpenID issuer URL.'),
    client_id: z.string().describe('The client id registered at the IdP.'),
    client_secret_set: z.literal(true).describe('A client secret is stored, encrypted; it is never returned.'),
    client_secret_key_id: z.string().describe('The id of the key that encrypted the secret (changes after `sso:rotate-key`).'),
    email_domains: z.array(z.string()).describe('The company\'s email domains, lower-case ASCII (IDN in `xn--` form).'),
    default_role: ZCompanyRole.describe('Role of a customer auto-joined by email domain at their first SSO login.'),
    enabled: z.boolean().describe('Whether buyers can log in with this IdP.'),
    enforce: z.boolean().describe('Whether email codes and magic links are refused for the email domains (the IdP is the only way in).'),
    redirect_uri: z.string().describe('Register this callback URL at the IdP.'),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  })
  .describe('A company\'s enterprise SSO (OIDC) configuration.');
export type AdminSsoConfigDto = z.infer<typeof ZAdminSsoConfig>;

/** The company whose IdP an email address logs in with. */
export const ZSsoCompany = z.object({
  company_id: ZId,
  company_name: z.string(),
  provider: ZSsoProvider,
});

export const ZSsoDiscovered = ZSsoCompany.extend({
  enforced: z.boolean().describe('True when this domain may log in only through the IdP (codes and magic links are refused).'),
}).describe('The enabled SSO configuration whose email domain matches.');

/**
 * What an OTP or magic-link request answers for an email of a domain with
 * enforced SSO: nothing was sent; log in through the company's IdP
 * (`GET /storefront/v1/customer/sso/init?company_id=...`).
 */
export const ZSsoRequired = z
  .object({
    accepted: z.literal(false).describe('Nothing was sent: this email\'s domain must log in through its company\'s IdP.'),
    sso: ZSsoCompany.describe('Start the login with `GET /storefront/v1/customer/sso/init?company_id=<company_id>&redirect_uri=...`.'),
  })
  .describe('Enforced SSO: the email\'s domain logs in only through its company\'s identity provider.');
export type SsoRequired = z.infer<typeof ZSsoRequired>;
