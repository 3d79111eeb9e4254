import type { PageInput } from '@cartly/contracts';
import { CompanyMembership, type EntityManager } from '@cartly/db';
import { findPage } from '../lib/pagination.js';
import { memberViews } from './views.js';

/** One page of a company's members, newest first (both the admin and the customer list). */
export async function listMemberPage(em: EntityManager, where: { shopId: string; companyId: string }, page: PageInput) {
  const { items, next_cursor } = await findPage(em, CompanyMembership, { shop: where.shopId, company: where.companyId }, page);
  return { items: await memberViews(em, where.shopId, items), next_cursor };
}
