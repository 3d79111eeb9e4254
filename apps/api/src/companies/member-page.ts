import type { PageInput } from '@cartly/contracts';
import { CompanyMembership, type EntityManager } from '@cartly/db';
import { afterCursor, toPage } from '../routers/pagination.js';
import { memberViews } from './views.js';

/** One page of a company's members, oldest first (both the admin and the customer list). */
export async function listMemberPage(em: EntityManager, where: { shopId: string; companyId: string }, page: PageInput) {
  const rows = await em.find(
    CompanyMembership,
    { shop: where.shopId, company: where.companyId, ...afterCursor(page, 'asc') },
    { orderBy: { id: 'asc' }, limit: page.limit + 1 },
  );
  const { items, next_cursor } = toPage(rows, page, (m) => m);
  return { items: await memberViews(em, where.shopId, items), next_cursor };
}
