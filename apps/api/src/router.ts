import { router } from './trpc.js';
import { passwordlessRouter } from './passwordless/router.js';
import { accountRouter } from './account/router.js';
import { ordersRouter } from './orders/router.js';
import { catalogRouter } from './catalog/router.js';
import { customersRouter } from './customers/router.js';
import { appSessionsRouter } from './app-sessions/router.js';
import { returnsRouter } from './returns/router.js';
import { portalCoreRouter } from './portal-core/router.js';
import { companiesRouter } from './companies/router.js';
import { extensionsRouter } from './extensions/router.js';
import { ssoRouter } from './sso/router.js';

/** The whole API; each domain contributes one router. Keys read domain → sub-resource → verb. */
export const appRouter = router({
  passwordless: passwordlessRouter,
  account: accountRouter,
  orders: ordersRouter,
  catalog: catalogRouter,
  customers: customersRouter,
  appSessions: appSessionsRouter,
  returns: returnsRouter,
  portalCore: portalCoreRouter,
  companies: companiesRouter,
  extensions: extensionsRouter,
  sso: ssoRouter,
});

export type AppRouter = typeof appRouter;
