import { router } from '../trpc.js';
import { adminListOrders } from './admin-list-orders.js';
import { adminCreateOrder } from './admin-create-order.js';
import { adminGetOrder } from './admin-get-order.js';
import { adminCreateFulfillment } from './admin-create-fulfillment.js';

export const ordersRouter = router({
  adminList: adminListOrders,
  adminGet: adminGetOrder,
  adminCreate: adminCreateOrder,
  fulfillments: router({ adminCreate: adminCreateFulfillment }),
});
