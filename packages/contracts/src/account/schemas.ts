import { z } from 'zod';
import { ZId, ZMoneyCents, ZPhone, ZTimestamp } from '../common/schemas.js';

export const ZProfile = z
  .object({
    id: ZId,
    email: z.string().nullable().describe('Login email, if any.'),
    phone: z.string().nullable().describe('Phone in E.164, if any.'),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    created_at: ZTimestamp,
  })
  .describe('The logged-in customer.');
export type Profile = z.infer<typeof ZProfile>;

const name = z.string().trim().min(1).max(100);

export const addressFields = {
  first_name: name.nullish().describe('Recipient first name.'),
  last_name: name.nullish().describe('Recipient last name.'),
  company: z.string().trim().max(200).nullish().describe('Company name.'),
  address1: z.string().trim().min(1).max(200).describe('Street address.'),
  address2: z.string().trim().max(200).nullish().describe('Apartment, suite, etc.'),
  city: z.string().trim().min(1).max(100).describe('City.'),
  province: z.string().trim().max(100).nullish().describe('State / province / region.'),
  zip: z.string().trim().max(20).nullish().describe('Postal code.'),
  country_code: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO-3166 alpha-2 code such as "US"')
    .describe('ISO-3166 alpha-2 country code.'),
  phone: ZPhone.nullish(),
  is_default: z.boolean().optional().describe('Make this the default address (exactly one address is default).'),
};

export const ZAddress = z
  .object({
    id: ZId,
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    company: z.string().nullable(),
    address1: z.string(),
    address2: z.string().nullable(),
    city: z.string(),
    province: z.string().nullable(),
    zip: z.string().nullable(),
    country_code: z.string(),
    phone: z.string().nullable(),
    is_default: z.boolean().describe('Whether this is the customer\'s default address.'),
  })
  .describe('A postal address in the customer\'s address book.');
export type Address = z.infer<typeof ZAddress>;

export const ZWishlistItem = z
  .object({
    id: ZId,
    variant_id: ZId,
    product_id: ZId,
    product_title: z.string(),
    variant_title: z.string(),
    price_cents: ZMoneyCents,
    created_at: ZTimestamp,
  })
  .describe('A product variant the customer saved.');
export type WishlistItem = z.infer<typeof ZWishlistItem>;
