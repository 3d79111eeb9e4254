import { createAddressMeta, ZCreateAddressInput, ZCreateAddressOutput } from '@cartly/contracts/account';
import { CustomerAddress } from '@cartly/db';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { assignAddress, clearDefault, lockAddressBook } from './address-book.js';
import { addressOf } from './views.js';

/** Keeps address books bounded so one customer cannot grow a table without limit. */
const MAX_ADDRESSES = 100;

export const createAddress = procedure(createAddressMeta)
  .input(ZCreateAddressInput)
  .output(ZCreateAddressOutput)
  .mutation(async ({ ctx, input }) => {
    await lockAddressBook(ctx.em, ctx.shopId, ctx.customerId);
    const existing = await ctx.em.count(CustomerAddress, { shop: ctx.shopId, customer: ctx.customerId });
    if (existing >= MAX_ADDRESSES) throw new AppError('BUSINESS_RULE', `an address book holds at most ${MAX_ADDRESSES} addresses`);
    const makeDefault = existing === 0 || input.is_default === true;
    if (makeDefault) await clearDefault(ctx.em, ctx.shopId, ctx.customerId);
    const address = ctx.em.create(CustomerAddress, {
      shop: ctx.shopId,
      customer: ctx.customerId,
      address1: input.address1,
      city: input.city,
      countryCode: input.country_code,
      isDefault: makeDefault,
    });
    assignAddress(address, input);
    await ctx.em.flush();
    return addressOf(address);
  });
