import { updateProfileMeta, ZUpdateProfileInput, ZUpdateProfileOutput } from '@cartly/contracts/account';
import { Customer } from '@cartly/db';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { profileOf } from '../customers/views.js';

export const updateProfile = procedure(updateProfileMeta)
  .input(ZUpdateProfileInput)
  .output(ZUpdateProfileOutput)
  .mutation(async ({ ctx, input }) => {
    const customer = await ctx.em.findOneOrFail(Customer, { id: ctx.customerId, shop: ctx.shopId });
    if (input.phone) {
      const taken = await ctx.em.count(Customer, { shop: ctx.shopId, phone: input.phone, id: { $ne: customer.id } });
      if (taken) throw new AppError('CONFLICT', 'phone: is already used by another customer of this shop');
    }
    if (input.first_name !== undefined) customer.firstName = input.first_name;
    if (input.last_name !== undefined) customer.lastName = input.last_name;
    if (input.phone !== undefined) customer.phone = input.phone;
    await ctx.em.flush();
    return profileOf(customer);
  });
