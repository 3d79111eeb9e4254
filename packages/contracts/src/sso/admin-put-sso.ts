import { z } from 'zod';
import { route } from '../common/route.js';
import { text } from '../common/text.js';
import { ZBoolean, ZId } from '../common/schemas.js';
import { ZCompanyRole } from '../companies/schemas.js';
import { ZAdminSsoConfig, ZEmailDomains, ZIssuerUrl, ZSsoProvider } from './schemas.js';

export const adminPutSsoMeta = route({
  method: 'PUT', path: '/admin/companies/{id}/sso', auth: 'admin', scope: 'write_companies',
  tags: ['Admin', 'Companies', 'Enterprise SSO'], summary: 'Connect a company\'s identity provider (OIDC)',
  description:
    'Creates or replaces the company\'s SSO configuration. The client secret is encrypted (AES-256-GCM, the company id ' +
    'as associated data) and never returned; omit it to keep the stored one (required the first time). ' +
    '`email_domains` are stored lower-case in ASCII (IDN `xn--` form); consumer mail domains (gmail.com, outlook.com, ...) ' +
    'are refused with 422 and a domain another company of the shop already claims with 409, both naming `email_domains`. ' +
    'The issuer is not contacted here: discovery happens at the first login (and an unreachable IdP answers 502 there).',
  errors: [404, 409, 422],
});
export const ZAdminPutSsoInput = z.strictObject({
  id: ZId.describe('The company.'),
  provider: ZSsoProvider,
  issuer: ZIssuerUrl,
  client_id: text({ min: 1, max: 200 }).describe('The client id registered at the IdP.'),
  client_secret: text({ min: 1, max: 500, trim: false }).optional()
    .describe('The client secret; omit to keep the stored one (required when the company has no SSO yet).'),
  email_domains: ZEmailDomains,
  default_role: ZCompanyRole.default('buyer').describe('Role of customers auto-joined at their first SSO login (default `buyer`).'),
  enabled: ZBoolean.default(true).describe('Whether buyers can log in with this IdP (default true).'),
  enforce: ZBoolean.default(false).describe('Refuse email codes and magic links for these domains, so members cannot bypass the IdP (default false). Takes effect only while `enabled`.'),
});
export const ZAdminPutSsoOutput = ZAdminSsoConfig;
