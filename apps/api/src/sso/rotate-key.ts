import { CompanySso, LockMode, SsoLogin, type EntityManager } from '@cartly/db';
import type { SecretBox } from '../lib/secret-box.js';
import { sealedFor } from './sealed.js';

const BATCH = 200;

export interface RotationCounts {
  key_id: string;
  client_secrets: { checked: number; resealed: number };
  pending_logins: { checked: number; resealed: number };
}

/**
 * Re-seals every SSO secret not sealed with the box's current key (the first
 * of DATA_ENCRYPTION_KEYS): the companies' client secrets and the pending
 * logins' nonces and verifiers. Rows are locked as they are read, in batches by
 * id, so a concurrent PUT of the configuration waits rather than being
 * overwritten. Run in one transaction by the CLI: all or nothing.
 */
export async function resealSsoSecrets(em: EntityManager, box: SecretBox): Promise<RotationCounts> {
  const counts: RotationCounts = { key_id: box.currentKid, client_secrets: { checked: 0, resealed: 0 }, pending_logins: { checked: 0, resealed: 0 } };
  for (let after = ''; ;) {
    const rows = await em.find(CompanySso, { id: { $gt: after || '00000000-0000-0000-0000-000000000000' } }, { orderBy: { id: 'asc' }, limit: BATCH, lockMode: LockMode.PESSIMISTIC_WRITE });
    for (const row of rows) {
      counts.client_secrets.checked++;
      if (!box.needsResealing(row.clientSecretSealed)) continue;
      const ad = sealedFor.clientSecret(row.shop, row.company);
      row.clientSecretSealed = box.seal(box.open(row.clientSecretSealed, ad), ad);
      counts.client_secrets.resealed++;
    }
    await em.flush();
    if (rows.length < BATCH) break;
    after = rows.at(-1)!.id;
  }
  const logins = await em.find(SsoLogin, { expiresAt: { $gt: new Date() } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  for (const login of logins) {
    counts.pending_logins.checked++;
    if (!box.needsResealing(login.nonceSealed) && !box.needsResealing(login.codeVerifierSealed)) continue;
    const nonceAd = sealedFor.nonce(login.shop, login.company, login.id);
    const verifierAd = sealedFor.codeVerifier(login.shop, login.company, login.id);
    login.nonceSealed = box.seal(box.open(login.nonceSealed, nonceAd), nonceAd);
    login.codeVerifierSealed = box.seal(box.open(login.codeVerifierSealed, verifierAd), verifierAd);
    counts.pending_logins.resealed++;
  }
  await em.flush();
  return counts;
}
