import { Company, CompanyOrder, LockMode, type EntityManager, type ICompany } from '@cartly/db';
import { AppError } from '../errors.js';

/** A company of the shop; another shop's is indistinguishable from a missing one (404). */
export async function findCompany(em: EntityManager, shopId: string, companyId: string, opts: { lock?: boolean } = {}): Promise<ICompany> {
  const company = await em.findOne(
    Company,
    { id: companyId, shop: shopId },
    opts.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!company) throw new AppError('NOT_FOUND', 'company not found');
  return company;
}

async function assertExternalIdFree(em: EntityManager, shopId: string, externalId: string, exceptId?: string) {
  const taken = await em.count(Company, { shop: shopId, externalId, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  if (taken) throw new AppError('CONFLICT', 'external_id: another company of the shop already uses it');
}

export interface CompanyFields {
  name?: string;
  externalId?: string | null;
  note?: string | null;
}

export async function createCompany(em: EntityManager, shopId: string, fields: CompanyFields & { name: string }): Promise<ICompany> {
  if (fields.externalId) await assertExternalIdFree(em, shopId, fields.externalId);
  const company = em.create(Company, { shop: shopId, name: fields.name, externalId: fields.externalId ?? null, note: fields.note ?? null });
  await em.flush();
  return company;
}

export async function updateCompany(em: EntityManager, shopId: string, companyId: string, fields: CompanyFields): Promise<ICompany> {
  const company = await findCompany(em, shopId, companyId, { lock: true });
  if (fields.externalId) await assertExternalIdFree(em, shopId, fields.externalId, company.id);
  if (fields.name !== undefined) company.name = fields.name;
  if (fields.externalId !== undefined) company.externalId = fields.externalId;
  if (fields.note !== undefined) company.note = fields.note;
  await em.flush();
  return company;
}

/**
 * Refuses (409) while any order was placed for the company: orders keep
 * their company for the books, and company_order's foreign key would refuse
 * too. Without orders, locations, ledgers and memberships go with it (cascade).
 */
export async function deleteCompany(em: EntityManager, shopId: string, companyId: string): Promise<void> {
  const company = await findCompany(em, shopId, companyId, { lock: true });
  const orders = await em.count(CompanyOrder, { shop: shopId, company: company.id });
  if (orders > 0) {
    throw new AppError('CONFLICT', `the company has ${orders} order(s) and cannot be deleted`, { details: { orders } });
  }
  await em.nativeDelete(Company, { id: company.id, shop: shopId });
}
