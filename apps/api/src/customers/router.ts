import { router } from '../trpc.js';
import { adminListCustomers } from './admin-list-customers.js';
import { adminGetCustomer } from './admin-get-customer.js';
import { adminCreateCustomer } from './admin-create-customer.js';

/** The merchant's view of the shop's customers. */
export const customersRouter = router({
  adminList: adminListCustomers,
  adminGet: adminGetCustomer,
  adminCreate: adminCreateCustomer,
});
