import { router } from '../trpc.js';
import { listCustomers } from '../customers/admin-list-customers.js';
import { createCustomer } from '../customers/admin-create-customer.js';
import { getCustomer } from '../customers/admin-get-customer.js';
import { listProducts } from '../catalog/admin-list-products.js';
import { createProduct } from '../catalog/admin-create-product.js';
import { listOrders } from './admin-list-orders.js';
import { createOrder } from './admin-create-order.js';
import { getOrder } from './admin-get-order.js';
import { createFulfillment } from './admin-create-fulfillment.js';

export const adminRouter = router({
  listCustomers,
  createCustomer,
  getCustomer,
  listProducts,
  createProduct,
  listOrders,
  createOrder,
  getOrder,
  createFulfillment,
});
