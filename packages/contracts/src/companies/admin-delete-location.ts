import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId, ZOk } from '../common/schemas.js';

export const adminDeleteLocationMeta = route({
  method: 'DELETE', path: '/admin/companies/{id}/locations/{location_id}', auth: 'admin', scope: 'write_companies',
  tags: ['Admin', 'Companies'], summary: 'Delete a location without orders',
  description: 'Refused with 409 once an order was placed for it. Memberships limited to it lose that location.',
  errors: [404, 409],
});
export const ZAdminDeleteLocationInput = z.strictObject({ id: ZId.describe('The company.'), location_id: ZId.describe('The location.') });
export const ZAdminDeleteLocationOutput = ZOk;
