import { listAddressesMeta, ZListAddressesInput, ZListAddressesOutput } from '@cartly/contracts/account';
import { type ICustomerAddress, readRows } from '@cartly/db';
import { procedure } from '../trpc.js';
import { decodeCursor, toPage } from '../lib/pagination.js';
import { addressOf } from './views.js';

/*
 * Storefronts list addresses on every account page view, so this reads with
 * plain SQL (readRows): em.find would build the query through the
 * QueryBuilder and hydrate managed entities, several times the cost of the
 * query itself (`npm run bench`). Columns are aliased to the entity's property names, so a
 * row has the entity's shape and goes through the same addressOf.
 */
const SELECT_ADDRESSES = `select "id", "shop_id" as "shop", "customer_id" as "customer", "first_name" as "firstName",
  "last_name" as "lastName", "company", "address1", "address2", "city", "province", "zip", "country_code" as "countryCode",
  "phone", "is_default" as "isDefault", "created_at" as "createdAt", "updated_at" as "updatedAt"
  from "customer_address" where "shop_id" = ? and "customer_id" = ?`;

export const listAddresses = procedure(listAddressesMeta)
  .input(ZListAddressesInput)
  .output(ZListAddressesOutput)
  .query(async ({ ctx, input }) => {
    const after = decodeCursor(input.cursor);
    const rows = await readRows<ICustomerAddress>(
      ctx.db,
      `${SELECT_ADDRESSES}${after ? ' and "id" > ?' : ''} order by "id" asc limit ?`,
      [ctx.shopId, ctx.customerId, ...(after ? [after] : []), input.limit + 1],
    );
    return toPage(rows, input, addressOf);
  });
