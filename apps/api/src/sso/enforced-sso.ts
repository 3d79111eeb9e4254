import type { EntityManager } from '@cartly/db';
import type { SsoRequired } from '@cartly/contracts/sso';
import { ssoForEmail } from './sso-configs.js';

/**
 * Enforced SSO, as passwordless login asks it: for an email whose domain's
 * company enforces SSO (and has it enabled), the answer that replaces sending
 * a code or link; null otherwise. It reveals that the domain uses SSO, never
 * whether the address is a customer (README).
 */
export async function enforcedSsoAnswer(em: EntityManager, shopId: string, email: string): Promise<SsoRequired | null> {
  const hit = await ssoForEmail(em, shopId, email);
  if (!hit?.enforce) return null;
  return { accepted: false, sso: { company_id: hit.companyId, company_name: hit.companyName, provider: hit.provider } };
}
