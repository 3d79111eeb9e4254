import { router } from '../../trpc.js';
import { listCustomers } from './list-customers.js';
import { createCustomer } from './create-customer.js';
import { getCustomer } from './get-customer.js';
import { listProducts } from './list-products.js';
import { createProduct } from './create-product.js';
import { listOrders } from './list-orders.js';
import { createOrder } from './create-order.js';
import { getOrder } from './get-order.js';
import { createFulfillment } from './create-fulfillment.js';

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
