import {
  Company, CompanySso, CompanySsoDomain, SsoLogin, UniqueConstraintViolationException,
  type CompanyRole, type EntityManager, type ICompany, type ICompanySso, type SsoProviderKind,
} from '@cartly/db';
import { SSO_CALLBACK_PATH, type AdminSsoConfigDto } from '@cartly/contracts/sso';
import { AppError } from '../errors.js';
import type { SecretBox } from '../lib/secret-box.js';
import { findCompany } from '../companies/companies.js';
import { canonicalDomain, emailDomain, isConsumerDomain } from './email-domains.js';
import { sealedFor } from './sealed.js';
import type { IdpSettings } from './idp-client.js';

export interface SsoConfigInput {
  provider: SsoProviderKind;
  issuer: string;
  clientId: string;
  /** Undefined keeps the stored secret. */
  clientSecret?: string;
  emailDomains: string[];
  defaultRole: CompanyRole;
  enabled: boolean;
  enforce: boolean;
}

/** The callback URL the merchant registers at the IdP. */
export function ssoRedirectUri(publicBaseUrl: string): string {
  return new URL(SSO_CALLBACK_PATH.slice(1), publicBaseUrl.replace(/\/?$/, '/')).toString();
}

/** Canonical domains, each checked: a malformed one is 400, a consumer one 422, both naming the entry. */
function checkedDomains(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((entry, i) => {
    const domain = canonicalDomain(entry);
    if (!domain) throw new AppError('VALIDATION_FAILED', `email_domains.${i}: must be a domain name such as example.com`);
    if (seen.has(domain)) throw new AppError('VALIDATION_FAILED', `email_domains.${i}: ${domain} is listed twice`);
    if (isConsumerDomain(domain)) {
      throw new AppError('BUSINESS_RULE', `email_domains.${i}: ${domain} is a consumer mail domain; anyone can have an address there`);
    }
    seen.add(domain);
    return domain;
  });
}

async function assertDomainsFree(em: EntityManager, shopId: string, domains: string[], ownSsoId: string | undefined) {
  const taken = await em.find(CompanySsoDomain, {
    shop: shopId, domain: { $in: domains }, ...(ownSsoId ? { sso: { $ne: ownSsoId } } : {}),
  }, { fields: ['domain'] });
  if (taken.length) {
    throw new AppError('CONFLICT', `email_domains: ${taken.map((d) => d.domain).join(', ')} already claimed by another company of the shop`);
  }
}

/**
 * Creates or replaces a company's SSO configuration in the request's
 * transaction. Domains are claimed through a unique (shop, domain) index, so
 * two companies racing for one domain end with one owner and a 409.
 */
export async function putSsoConfig(em: EntityManager, box: SecretBox, shopId: string, companyId: string, input: SsoConfigInput) {
  const company = await findCompany(em, shopId, companyId, { lock: true });
  const domains = checkedDomains(input.emailDomains);
  const existing = await em.findOne(CompanySso, { shop: shopId, company: company.id });
  if (!existing && input.clientSecret === undefined) {
    throw new AppError('VALIDATION_FAILED', 'client_secret: required when the company has no SSO configuration yet');
  }
  await assertDomainsFree(em, shopId, domains, existing?.id);

  const sealed = input.clientSecret !== undefined ? box.seal(input.clientSecret, sealedFor.clientSecret(shopId, company.id)) : undefined;
  const fields = {
    provider: input.provider, issuer: input.issuer, clientId: input.clientId,
    defaultRole: input.defaultRole, enabled: input.enabled, enforce: input.enforce,
  };
  let row: ICompanySso;
  if (existing) {
    // Pending logins were started against the old IdP or client; none may finish against the new one.
    if (existing.issuer !== input.issuer || existing.clientId !== input.clientId) {
      await em.nativeDelete(SsoLogin, { shop: shopId, company: company.id });
    }
    Object.assign(existing, fields, sealed ? { clientSecretSealed: sealed } : {});
    await em.nativeDelete(CompanySsoDomain, { shop: shopId, sso: existing.id });
    row = existing;
  } else {
    row = em.create(CompanySso, { shop: shopId, company: company.id, ...fields, clientSecretSealed: sealed! });
  }
  for (const domain of domains) em.create(CompanySsoDomain, { shop: shopId, sso: row.id, domain });
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) {
      throw new AppError('CONFLICT', 'email_domains: a domain was just claimed by another company of the shop', { cause: e });
    }
    throw e;
  }
  return { row, domains };
}

export async function domainsOf(em: EntityManager, shopId: string, ssoId: string): Promise<string[]> {
  const rows = await em.find(CompanySsoDomain, { shop: shopId, sso: ssoId }, { orderBy: { domain: 'asc' } });
  return rows.map((d) => d.domain);
}

export async function getSsoConfig(em: EntityManager, shopId: string, companyId: string) {
  const company = await findCompany(em, shopId, companyId);
  const row = await em.findOne(CompanySso, { shop: shopId, company: company.id });
  if (!row) throw new AppError('NOT_FOUND', 'this company has no SSO configuration');
  return { row, domains: await domainsOf(em, shopId, row.id) };
}

export function adminSsoConfigView(row: ICompanySso, domains: string[], box: SecretBox, publicBaseUrl: string): AdminSsoConfigDto {
  return {
    company_id: row.company,
    provider: row.provider,
    issuer: row.issuer,
    client_id: row.clientId,
    client_secret_set: true,
    client_secret_key_id: box.keyIdOf(row.clientSecretSealed),
    email_domains: [...domains].sort(),
    default_role: row.defaultRole,
    enabled: row.enabled,
    enforce: row.enforce,
    redirect_uri: ssoRedirectUri(publicBaseUrl),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** An enabled configuration with its company, or null. */
export async function enabledSso(em: EntityManager, shopId: string, companyId: string): Promise<{ row: ICompanySso; company: ICompany } | null> {
  const row = await em.findOne(CompanySso, { shop: shopId, company: companyId, enabled: true });
  if (!row) return null;
  const company = await em.findOneOrFail(Company, { id: companyId, shop: shopId });
  return { row, company };
}

export function idpSettings(row: ICompanySso, box: SecretBox): IdpSettings {
  return { issuer: row.issuer, clientId: row.clientId, clientSecret: box.open(row.clientSecretSealed, sealedFor.clientSecret(row.shop, row.company)) };
}

export interface SsoForEmail {
  companyId: string;
  companyName: string;
  provider: SsoProviderKind;
  enforce: boolean;
}

/** The enabled SSO whose email domain is exactly the address's (canonical) domain, or null. */
export async function ssoForEmail(em: EntityManager, shopId: string, email: string): Promise<SsoForEmail | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const [hit] = await em.execute<{ company_id: string; name: string; provider: SsoProviderKind; enforce: boolean }[]>(
    `select s.company_id, c.name, s.provider, s.enforce
       from company_sso_domain d
       join company_sso s on s.id = d.sso_id and s.shop_id = d.shop_id
       join company c on c.id = s.company_id and c.shop_id = s.shop_id
      where d.shop_id = ? and d.domain = ? and s.enabled`,
    [shopId, domain],
  );
  return hit ? { companyId: hit.company_id, companyName: hit.name, provider: hit.provider, enforce: hit.enforce } : null;
}
