import { updateAddressMeta, ZUpdateAddressInput, ZUpdateAddressOutput } from '@cartly/contracts/account';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { assignAddress, clearDefault, loadOwnAddress, lockAddressBook } from './address-book.js';
import { addressOf } from './views.js';

export const updateAddress = procedure(updateAddressMeta)
  .input(ZUpdateAddressInput)
  .output(ZUpdateAddressOutput)
  .mutation(async ({ ctx, input }) => {
    await lockAddressBook(ctx.em, ctx.shopId, ctx.customerId);
    const address = await loadOwnAddress(ctx.em, ctx.shopId, ctx.customerId, input.id);
    if (input.is_default === false && address.isDefault) {
      throw new AppError('BUSINESS_RULE', 'is_default: the default address cannot be unset; make another address the default instead');
    }
    if (input.is_default === true && !address.isDefault) {
      await clearDefault(ctx.em, ctx.shopId, ctx.customerId);
      address.isDefault = true;
    }
    assignAddress(address, input);
    await ctx.em.flush();
    return addressOf(address);
  });
