import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZCompany, ZCompanyName, ZCompanyNote, ZExternalId } from './schemas.js';

export const adminUpdateCompanyMeta = route({
  method: 'PUT', path: '/admin/companies/{id}', auth: 'admin', scope: 'write_companies',
  tags: ['Admin', 'Companies'], summary: 'Update a company\'s name, external id or note',
  description: 'Fields left out stay as they are; `null` clears `external_id` or `note`.',
  errors: [404, 409],
});
export const ZAdminUpdateCompanyInput = z
  .strictObject({
    id: ZId,
    name: ZCompanyName.optional(),
    external_id: ZExternalId.nullable().optional(),
    note: ZCompanyNote.nullable().optional(),
  })
  .refine((v) => v.name !== undefined || v.external_id !== undefined || v.note !== undefined, {
    message: 'give at least one of name, external_id, note',
    path: ['name'],
  });
export const ZAdminUpdateCompanyOutput = ZCompany;
