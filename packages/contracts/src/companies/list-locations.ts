import { z } from 'zod';
import { route } from '../common/route.js';
import { pageInputShape, pageOf } from '../common/pagination.js';
import { ZCompanyLocation } from './schemas.js';

export const listLocationsMeta = route({
  method: 'GET', path: '/customer/company/locations', auth: 'company_member', b2b: 'locations.read',
  tags: ['Companies'], summary: 'The company\'s locations with budget, spent and remaining for the current period',
  description: 'A member limited to some locations sees only those.',
});
export const ZListLocationsInput = z.strictObject(pageInputShape);
export const ZListLocationsOutput = pageOf(ZCompanyLocation);
