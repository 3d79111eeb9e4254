import { router } from './trpc.js';
import { customerRouter } from './routers/customer/router.js';
import { adminRouter } from './routers/admin/router.js';

/** The whole API; each domain contributes one router. */
export const appRouter = router({
  customer: customerRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
