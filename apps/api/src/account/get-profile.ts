import { getProfileMeta, ZGetProfileInput, ZGetProfileOutput } from '@cartly/contracts/account';
import { Customer } from '@cartly/db';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { profileOf } from '../customers/views.js';

export const getProfile = procedure(getProfileMeta)
  .input(ZGetProfileInput)
  .output(ZGetProfileOutput)
  .query(async ({ ctx }) => {
    const customer = await ctx.em.findOne(Customer, { id: ctx.customerId, shop: ctx.shopId });
    if (!customer) throw new AppError('UNAUTHENTICATED', 'missing or invalid customer access token');
    return profileOf(customer);
  });
