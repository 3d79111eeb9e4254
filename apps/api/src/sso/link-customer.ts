import {
  CompanyMembership, Customer, SsoIdentity, UniqueConstraintViolationException,
  type EntityManager, type ICompanySso,
} from '@cartly/db';
import { normaliseEmail } from '@cartly/contracts';
import type { CustomerAccessTokenResult } from '@cartly/contracts/passwordless';
import type { SsoErrorCode } from '@cartly/contracts/sso';
import { AppError } from '../errors.js';
import { issueCustomerToken } from '../auth/credentials.js';
import { createCustomer } from '../customers/create-customer.js';
import { createMembership } from '../companies/memberships.js';
import { signupAllowed } from '../passwordless/login.js';
import { currentShop } from '../shops/current-shop.js';
import { emailDomain } from './email-domains.js';

export type LinkResult =
  | { ok: true; token: CustomerAccessTokenResult }
  | { ok: false; code: SsoErrorCode; description: string };

interface LinkInput {
  shopId: string;
  sso: ICompanySso;
  /** The company's canonical email domains. */
  domains: readonly string[];
  /** From a validated ID token whose email the IdP verified. */
  claims: { iss: string; sub: string; email: string };
  catTtlHours: number;
}

class Refused extends Error {
  constructor(readonly code: SsoErrorCode, readonly description: string) {
    super(code);
  }
}

/**
 * Finds the customer by (issuer, subject) first, by the verified email
 * second, or creates one (with the email marked verified); auto-joins the
 * company only when the email's domain is exactly one of its domains and the
 * customer belongs to no company yet; issues a CAT. One transaction. Two first
 * logins racing (same identity or same email) meet a unique index; the loser
 * runs again and finds what the winner wrote.
 */
export async function linkSsoCustomer(em: EntityManager, input: LinkInput): Promise<LinkResult> {
  const email = normaliseEmail(input.claims.email);
  if (!email.ok) return { ok: false, code: 'email_missing', description: 'The identity provider shared an email address this shop cannot use.' };
  for (let attempt = 0; ; attempt++) {
    try {
      const token = await em.fork().transactional((tx) => linkOnce(tx, input, email.value));
      return { ok: true, token };
    } catch (e) {
      if (e instanceof Refused) return { ok: false, code: e.code, description: e.description };
      const lostRace = e instanceof UniqueConstraintViolationException || (e instanceof AppError && e.appCode === 'CONFLICT');
      if (lostRace && attempt === 0) continue;
      throw e;
    }
  }
}

async function linkOnce(tx: EntityManager, input: LinkInput, email: string): Promise<CustomerAccessTokenResult> {
  const now = new Date();
  const { shopId, claims } = input;
  const identity = await tx.findOne(SsoIdentity, { shop: shopId, issuer: claims.iss, subject: claims.sub });
  let customerId: string;
  if (identity) {
    customerId = identity.customer;
    identity.lastLoginAt = now;
  } else {
    const byEmail = await tx.findOne(Customer, { shop: shopId, email });
    if (byEmail) {
      // The IdP gave this address to another account than the one linked before: never hand that customer over.
      if (await tx.count(SsoIdentity, { shop: shopId, customer: byEmail.id, issuer: claims.iss })) {
        throw new Refused('account_conflict', 'This email belongs to another account at the identity provider.');
      }
      byEmail.emailVerifiedAt ??= now;
      customerId = byEmail.id;
    } else {
      if (!signupAllowed(await currentShop(tx, shopId))) throw new Refused('signup_disabled', 'This shop does not create accounts at login.');
      const created = await createCustomer(tx, shopId, { email });
      created.emailVerifiedAt = now;
      customerId = created.id;
    }
    tx.create(SsoIdentity, { shop: shopId, customer: customerId, issuer: claims.iss, subject: claims.sub, lastLoginAt: now });
  }
  const domain = emailDomain(email);
  if (domain && input.domains.includes(domain) && !(await tx.count(CompanyMembership, { shop: shopId, customer: customerId }))) {
    await createMembership(tx, { shopId, companyId: input.sso.company, customerId, role: input.sso.defaultRole });
  }
  const { token, expiresAt } = issueCustomerToken(tx, { shopId, customerId, ttlHours: input.catTtlHours });
  await tx.flush();
  return { access_token: token, expires_at: expiresAt.toISOString(), customer_id: customerId };
}
