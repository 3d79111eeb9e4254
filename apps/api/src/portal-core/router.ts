import { router } from '../trpc.js';
import { getPortalSettings } from './get-portal-settings.js';
import { adminGetPortalSettings } from './admin-get-portal-settings.js';
import { adminUpdatePortalSettings } from './admin-update-portal-settings.js';
import { getCustomCss } from './get-custom-css.js';
import { adminGetCustomCss } from './admin-get-custom-css.js';
import { adminUpdateCustomCss } from './admin-update-custom-css.js';
import { getLoggedInCustomer } from './get-logged-in-customer.js';
import { previewOrderRefund } from './preview-order-refund.js';
import { refundOrder } from './refund-order.js';
import { loyaltyRouter } from './loyalty-router.js';
import { accountApiRouter } from './account-api-router.js';

/** Portal core (SPEC §10): composes the sub-routers. */
export const portalCoreRouter = router({
  settings: router({ get: getPortalSettings, adminGet: adminGetPortalSettings, adminUpdate: adminUpdatePortalSettings }),
  css: router({ get: getCustomCss, adminGet: adminGetCustomCss, adminUpdate: adminUpdateCustomCss }),
  session: router({ loggedInCustomer: getLoggedInCustomer }),
  refunds: router({ preview: previewOrderRefund, refund: refundOrder }),
  loyalty: loyaltyRouter,
  accountApi: accountApiRouter,
});
