import { confirmPhoneMeta, ZConfirmPhoneInput, ZConfirmPhoneOutput } from '@cartly/contracts/account';
import { Customer } from '@cartly/db';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { profileOf } from '../customers/views.js';
import { revokeCustomerSessions } from '../customers/revoke-sessions.js';
import { loginContext } from '../passwordless/request-context.js';
import { checkPhoneProof } from '../passwordless/phone-proof.js';

/**
 * The code proves the customer holds the pending phone now, so it becomes
 * their login phone, taken from any customer who had it (a recycled number).
 * A changed login identifier ends the customer's other sessions.
 */
export const confirmPhone = procedure(confirmPhoneMeta)
  .input(ZConfirmPhoneInput)
  .output(ZConfirmPhoneOutput)
  .mutation(async ({ ctx, input }) => {
    const customer = await ctx.em.findOneOrFail(Customer, { id: ctx.customerId, shop: ctx.shopId });
    const phone = customer.pendingPhone;
    const proven = phone ? await checkPhoneProof(loginContext(ctx), customer.id, phone, input.code) : false;
    if (!phone || !proven) throw new AppError('VALIDATION_FAILED', 'code: is invalid or expired');
    await ctx.em.nativeUpdate(Customer, { shop: ctx.shopId, phone, id: { $ne: customer.id } }, { phone: null });
    customer.phone = phone;
    customer.pendingPhone = null;
    await ctx.em.flush();
    await revokeCustomerSessions(ctx.em, { shopId: ctx.shopId, customerId: customer.id, exceptTokenId: ctx.customer.customerTokenId });
    return profileOf(customer);
  });
