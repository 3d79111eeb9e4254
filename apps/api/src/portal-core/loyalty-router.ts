import { router } from '../trpc.js';
import { getLoyaltyCustomer } from './get-loyalty-customer.js';
import { listEarnOptions } from './list-earn-options.js';
import { listRedeemOptions } from './list-redeem-options.js';
import { redeemReward } from './redeem-reward.js';
import { adminGetLoyaltyProgram } from './admin-get-loyalty-program.js';
import { adminUpdateLoyaltyProgram } from './admin-update-loyalty-program.js';
import { adminListEarnRules } from './admin-list-earn-rules.js';
import { adminUpsertEarnRule } from './admin-upsert-earn-rule.js';
import { adminListRewards } from './admin-list-rewards.js';
import { adminCreateReward } from './admin-create-reward.js';
import { adminUpdateReward } from './admin-update-reward.js';
import { adminGetLoyaltyCustomer } from './admin-get-loyalty-customer.js';
import { adminUpdateLoyaltyCustomer } from './admin-update-loyalty-customer.js';
import { adminAdjustPoints } from './admin-adjust-points.js';

/** `portalCore.loyalty.*`: the customer's points and rewards, and the merchant's program. */
export const loyaltyRouter = router({
  getCustomer: getLoyaltyCustomer,
  listEarnOptions,
  listRedeemOptions,
  redeem: redeemReward,
  adminGetProgram: adminGetLoyaltyProgram,
  adminUpdateProgram: adminUpdateLoyaltyProgram,
  adminListEarnRules,
  adminUpsertEarnRule,
  adminListRewards,
  adminCreateReward,
  adminUpdateReward,
  adminGetCustomer: adminGetLoyaltyCustomer,
  adminUpdateCustomer: adminUpdateLoyaltyCustomer,
  adminAdjustPoints,
});
