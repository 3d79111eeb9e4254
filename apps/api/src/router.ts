import { router } from './trpc.js';
import { customerRouter } from './account/router.js';
import { adminRouter } from './orders/router.js';
import { passwordlessRouter } from './passwordless/router.js';
import { appSessionRouter } from './app-sessions/router.js';
import { returnsRouter } from './returns/router.js';

/** The whole API; each domain contributes one router. */
export const appRouter = router({
  customer: customerRouter,
  admin: adminRouter,
  passwordless: passwordlessRouter,
  appSession: appSessionRouter,
  returns: returnsRouter,
});

export type AppRouter = typeof appRouter;
