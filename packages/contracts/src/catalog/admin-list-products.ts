import { route } from '../common/route.js';
import { ZPageInput, pageOf } from '../common/pagination.js';
import { ZProduct } from './schemas.js';

export const adminListProductsMeta = route({
  method: 'GET', path: '/admin/products', auth: 'admin', scope: 'read_products',
  tags: ['Admin'], summary: 'List products with their variants, newest first',
});
export const ZAdminListProductsInput = ZPageInput;
export const ZAdminListProductsOutput = pageOf(ZProduct);
