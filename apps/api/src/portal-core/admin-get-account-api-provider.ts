import { adminGetAccountApiProviderMeta, ZAdminGetAccountApiProviderInput, ZAdminGetAccountApiProviderOutput } from '@cartly/contracts/portal-core';
import { AccountApiProvider } from '@cartly/db';
import { AppError } from '../errors.js';
import { procedure } from '../trpc.js';
import { providerView } from './account-api-views.js';

export const adminGetAccountApiProvider = procedure(adminGetAccountApiProviderMeta)
  .input(ZAdminGetAccountApiProviderInput)
  .output(ZAdminGetAccountApiProviderOutput)
  .query(async ({ ctx }) => {
    const row = await ctx.em.findOne(AccountApiProvider, { shop: ctx.shopId });
    if (!row) throw new AppError('NOT_FOUND', 'no Customer Account API provider is configured');
    return providerView(row, ctx.env.PUBLIC_BASE_URL);
  });
