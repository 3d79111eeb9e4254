import { adminListCompaniesMeta, ZAdminListCompaniesInput, ZAdminListCompaniesOutput } from '@cartly/contracts/companies';
import { Company } from '@cartly/db';
import { procedure } from '../trpc.js';
import { findPage } from '../lib/pagination.js';
import { companyView } from './views.js';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const adminListCompanies = procedure(adminListCompaniesMeta)
  .input(ZAdminListCompaniesInput)
  .output(ZAdminListCompaniesOutput)
  .query(async ({ ctx, input }) => {
    const where = { shop: ctx.shopId, ...(input.name ? { name: { $ilike: likePattern(input.name) } } : {}) };
    const { items, next_cursor } = await findPage(ctx.em, Company, where, input);
    return { items: items.map((c) => companyView(c)), next_cursor };
  });
