import { getAccountApiStatusMeta, ZGetAccountApiStatusInput, ZGetAccountApiStatusOutput } from '@cartly/contracts/portal-core';
import { AccountApiToken } from '@cartly/db';
import { procedure } from '../trpc.js';
import { statusView } from './account-api-views.js';

export const getAccountApiStatus = procedure(getAccountApiStatusMeta)
  .input(ZGetAccountApiStatusInput)
  .output(ZGetAccountApiStatusOutput)
  .query(async ({ ctx }) => {
    const row = await ctx.em.findOne(AccountApiToken, { shop: ctx.shopId, customer: ctx.customerId });
    return statusView(ctx.customerId, row);
  });
