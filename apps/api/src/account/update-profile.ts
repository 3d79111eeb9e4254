import { updateProfileMeta, ZUpdateProfileInput, ZUpdateProfileOutput } from '@cartly/contracts/account';
import { Customer } from '@cartly/db';
import { procedure } from '../trpc.js';
import { profileOf } from '../customers/views.js';
import { loginContext } from '../passwordless/request-context.js';
import { sendPhoneProof } from '../passwordless/phone-proof.js';

/**
 * A new phone only becomes pending, with a code sent to it (confirm-phone.ts):
 * SMS login finds customers by phone, so an unproven number would let its
 * real owner log into this account. Whether another customer uses the number
 * is never checked here, so the answer cannot tell.
 */
export const updateProfile = procedure(updateProfileMeta)
  .input(ZUpdateProfileInput)
  .output(ZUpdateProfileOutput)
  .mutation(async ({ ctx, input }) => {
    const customer = await ctx.em.findOneOrFail(Customer, { id: ctx.customerId, shop: ctx.shopId });
    if (input.first_name !== undefined) customer.firstName = input.first_name;
    if (input.last_name !== undefined) customer.lastName = input.last_name;
    if (input.phone === null) {
      customer.phone = null;
      customer.pendingPhone = null;
    } else if (input.phone !== undefined && input.phone !== customer.phone) {
      await sendPhoneProof(loginContext(ctx), customer.id, input.phone);
      customer.pendingPhone = input.phone;
    }
    await ctx.em.flush();
    return profileOf(customer);
  });
