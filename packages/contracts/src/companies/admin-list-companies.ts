import { z } from 'zod';
import { text } from '../common/text.js';
import { route } from '../common/route.js';
import { pageInputShape, pageOf } from '../common/pagination.js';
import { ZCompany } from './schemas.js';

export const adminListCompaniesMeta = route({
  method: 'GET', path: '/admin/companies', auth: 'admin', scope: 'read_companies',
  tags: ['Admin', 'Companies'], summary: 'List the shop\'s B2B companies, newest first',
});
export const ZAdminListCompaniesInput = z.strictObject({
  ...pageInputShape,
  name: text({ min: 1, max: 200 }).optional().describe('Only companies whose name contains this text (case-insensitive).'),
});
export const ZAdminListCompaniesOutput = pageOf(ZCompany);
