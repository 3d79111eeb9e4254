import { adminListCompaniesMeta, ZAdminListCompaniesInput, ZAdminListCompaniesOutput } from '@cartly/contracts';
import { Company } from '@cartly/db';
import { adminProcedure } from '../trpc.js';
import { afterCursor, toPage } from '../routers/pagination.js';
import { companyView } from './views.js';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const adminListCompanies = adminProcedure
  .meta(adminListCompaniesMeta)
  .input(ZAdminListCompaniesInput)
  .output(ZAdminListCompaniesOutput)
  .query(async ({ ctx, input }) => {
    const rows = await ctx.em.find(
      Company,
      { shop: ctx.shopId, ...(input.name ? { name: { $ilike: likePattern(input.name) } } : {}), ...afterCursor(input, 'asc') },
      { orderBy: { id: 'asc' }, limit: input.limit + 1 },
    );
    return toPage(rows, input, (c) => companyView(c));
  });
