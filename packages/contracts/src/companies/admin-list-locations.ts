import { z } from 'zod';
import { route } from '../common/route.js';
import { pageInputShape, pageOf } from '../common/pagination.js';
import { ZId } from '../common/schemas.js';
import { ZCompanyLocation } from './schemas.js';

export const adminListLocationsMeta = route({
  method: 'GET', path: '/admin/companies/{id}/locations', auth: 'admin', scope: 'read_companies',
  tags: ['Admin', 'Companies'], summary: 'List a company\'s locations with their budgets', errors: [404],
});
export const ZAdminListLocationsInput = z.strictObject({ id: ZId.describe('The company.'), ...pageInputShape });
export const ZAdminListLocationsOutput = pageOf(ZCompanyLocation);
