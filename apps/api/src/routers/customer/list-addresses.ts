import { listAddressesMeta, ZListAddressesInput, ZListAddressesOutput } from '@cartly/contracts';
import { CustomerAddress } from '@cartly/db';
import { storefrontCustomerProcedure } from '../../trpc.js';
import { afterCursor, toPage } from '../pagination.js';
import { addressOf } from './serialize.js';

export const listAddresses = storefrontCustomerProcedure
  .meta(listAddressesMeta)
  .input(ZListAddressesInput)
  .output(ZListAddressesOutput)
  .query(async ({ ctx, input }) => {
    const rows = await ctx.em.find(
      CustomerAddress,
      { shop: ctx.shopId, customer: ctx.customerId, ...afterCursor(input, 'asc') },
      { orderBy: { id: 'asc' }, limit: input.limit + 1 },
    );
    return toPage(rows, input, addressOf);
  });
