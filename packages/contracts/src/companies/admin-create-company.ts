import { z } from 'zod';
import { route } from '../common/route.js';
import { ZCompany, ZCompanyName, ZCompanyNote, ZExternalId } from './schemas.js';

export const adminCreateCompanyMeta = route({
  method: 'POST', path: '/admin/companies', auth: 'admin', scope: 'write_companies',
  tags: ['Admin', 'Companies'], summary: 'Create a B2B company',
  description: 'Add locations and members next. An `external_id` already used in the shop answers 409.',
  errors: [409],
});
export const ZAdminCreateCompanyInput = z.strictObject({
  name: ZCompanyName,
  external_id: ZExternalId.optional(),
  note: ZCompanyNote.optional(),
});
export const ZAdminCreateCompanyOutput = ZCompany;
