import { router } from './trpc.js';
import { customerRouter } from './routers/customer/router.js';
import { adminRouter } from './routers/admin/router.js';
import { passwordlessRouter } from './routers/passwordless/router.js';
import { appSessionRouter } from './routers/app-session/router.js';
import { returnsRouter } from './routers/returns/router.js';
import { loyaltyRouter } from './portal-core/loyalty-router.js';
import { accountApiRouter } from './portal-core/account-api-router.js';

/** The whole API; each domain contributes one router. */
export const appRouter = router({
  customer: customerRouter,
  admin: adminRouter,
  passwordless: passwordlessRouter,
  appSession: appSessionRouter,
  returns: returnsRouter,
  portalCore: router({ loyalty: loyaltyRouter, accountApi: accountApiRouter }),
});

export type AppRouter = typeof appRouter;
