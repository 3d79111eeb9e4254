import { router } from './trpc.js';
import { customerRouter } from './routers/customer/router.js';
import { adminRouter } from './routers/admin/router.js';
import { passwordlessRouter } from './routers/passwordless/router.js';
import { appSessionRouter } from './routers/app-session/router.js';
import { returnsRouter } from './routers/returns/router.js';
import { extensionsRouter } from './extensions/router.js';

/** The whole API; each domain contributes one router. */
export const appRouter = router({
  customer: customerRouter,
  admin: adminRouter,
  passwordless: passwordlessRouter,
  appSession: appSessionRouter,
  returns: returnsRouter,
  extensions: extensionsRouter,
});

export type AppRouter = typeof appRouter;
