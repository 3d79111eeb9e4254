import { router } from '../trpc.js';
import { createReturn } from './create-return.js';
import { listReturns } from './list-returns.js';
import { getReturn } from './get-return.js';
import { listStorefrontReturns } from './list-storefront-returns.js';
import { adminListReturns } from './admin-list-returns.js';
import { adminGetReturn } from './admin-get-return.js';
import { approveReturn } from './approve-return.js';
import { rejectReturn } from './reject-return.js';

export const returnsRouter = router({
  create: createReturn,
  list: listReturns,
  get: getReturn,
  listStorefront: listStorefrontReturns,
  adminList: adminListReturns,
  adminGet: adminGetReturn,
  approve: approveReturn,
  reject: rejectReturn,
});
