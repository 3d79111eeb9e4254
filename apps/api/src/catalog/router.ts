import { router } from '../trpc.js';
import { adminListProducts } from './admin-list-products.js';
import { adminCreateProduct } from './admin-create-product.js';

export const catalogRouter = router({
  products: router({ adminList: adminListProducts, adminCreate: adminCreateProduct }),
});
