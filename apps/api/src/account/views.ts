// Response shapes of the customer's address book.
import type { Address } from '@cartly/contracts/account';
import type { ICustomerAddress } from '@cartly/db';

export function addressOf(a: ICustomerAddress): Address {
  return {
    id: a.id,
    first_name: a.firstName ?? null,
    last_name: a.lastName ?? null,
    company: a.company ?? null,
    address1: a.address1,
    address2: a.address2 ?? null,
    city: a.city,
    province: a.province ?? null,
    zip: a.zip ?? null,
    country_code: a.countryCode,
    phone: a.phone ?? null,
    is_default: a.isDefault,
  };
}
