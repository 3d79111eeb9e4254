import { deleteAddressMeta, ZDeleteAddressInput, ZDeleteAddressOutput } from '@cartly/contracts/account';
import { CustomerAddress } from '@cartly/db';
import { procedure } from '../trpc.js';
import { loadOwnAddress, lockAddressBook } from './address-book.js';

export const deleteAddress = procedure(deleteAddressMeta)
  .input(ZDeleteAddressInput)
  .output(ZDeleteAddressOutput)
  .mutation(async ({ ctx, input }) => {
    await lockAddressBook(ctx.em, ctx.shopId, ctx.customerId);
    const address = await loadOwnAddress(ctx.em, ctx.shopId, ctx.customerId, input.id);
    const wasDefault = address.isDefault;
    ctx.em.remove(address);
    await ctx.em.flush();
    if (wasDefault) {
      // Keep "exactly one default" true while any address remains.
      const next = await ctx.em.findOne(
        CustomerAddress,
        { shop: ctx.shopId, customer: ctx.customerId },
        { orderBy: { id: 'desc' } },
      );
      if (next) {
        next.isDefault = true;
        await ctx.em.flush();
      }
    }
    return { ok: true as const };
  });
