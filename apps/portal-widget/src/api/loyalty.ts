import type { RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

/* Rewards screen → API (`portalCore.loyalty.*`, CAT only). */
export type LoyaltyAccount = RouterOutputs['portalCore']['loyalty']['getCustomer'];
export type RedeemOption = RouterOutputs['portalCore']['loyalty']['listRedeemOptions']['redeem_options'][number];
export type Redemption = RouterOutputs['portalCore']['loyalty']['redeem']['redemption'];

export const getLoyaltyAccount = (api: Api): Promise<LoyaltyAccount> => api.portalCore.loyalty.getCustomer.query();
export const listRedeemOptions = (api: Api) => api.portalCore.loyalty.listRedeemOptions.query();
export const redeemReward = (api: Api, optionId: string) => api.portalCore.loyalty.redeem.mutate({ option_id: optionId });
