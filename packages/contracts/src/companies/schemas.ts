import { z } from 'zod';
import { text } from '../common/text.js';
import { ZCurrency, ZId, ZMoneyCents, ZTimestamp } from '../common/schemas.js';
import { addressFields, ZAddress } from '../account/schemas.js';
import { B2B_ACTIONS, COMPANY_ROLE_VALUES } from './actions.js';

export const ZCompanyRole = z
  .enum(COMPANY_ROLE_VALUES)
  .describe('`viewer` reads; `buyer` reads and orders; `admin` also manages the company\'s members.');
export const ZBudgetPeriod = z
  .enum(['monthly', 'quarterly', 'yearly'])
  .describe('How often the spend returns to zero: on the first day of each month, quarter or year, in the shop\'s time zone.');

const required = (max: number) => text({ min: 1, max });

export const ZCompanyName = required(200).describe('The company\'s name.');
export const ZExternalId = required(100).describe('The merchant\'s own reference for the company (e.g. an ERP id); unique in the shop.');
export const ZCompanyNote = text({ max: 2000, multiline: true }).describe('An internal note for the merchant\'s staff.');

/** The address book's postal fields (account/schemas.ts), without recipient, phone or default flag. */
const { address1, address2, city, province, zip, country_code } = addressFields;
export const ZShippingAddressInput = z.strictObject({ address1, address2, city, province, zip, country_code });

export const ZShippingAddress = ZAddress.pick({ address1: true, address2: true, city: true, province: true, zip: true, country_code: true })
  .describe('Where orders for this location ship.');

export const ZBudgetAmount = z.number().int().min(0).max(2_000_000_000).describe('Budget per period, in minor units of the currency.');

/** Location ids a membership is limited to; each at most once. */
export const ZLocationIds = z
  .array(ZId)
  .max(100)
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `location ${id} is listed twice` });
      seen.add(id);
    });
  });

export const ZCompany = z
  .object({
    id: ZId,
    name: z.string(),
    external_id: z.string().nullable().describe('The merchant\'s own reference.'),
    note: z.string().nullable().describe('Internal note (admin only; null in the customer API).'),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  })
  .describe('A B2B customer company.');
export type CompanyDto = z.infer<typeof ZCompany>;

export const ZBudget = z
  .object({
    amount_cents: ZMoneyCents.describe('Budget per period.'),
    currency: ZCurrency,
    period: ZBudgetPeriod,
    period_start: z.iso.date().describe('First day of the current period (shop time zone).'),
    period_end: z.iso.date().describe('First day of the next period (exclusive).'),
    spent_cents: ZMoneyCents.describe('Charged in the current period, net of refunds.'),
    remaining_cents: ZMoneyCents.describe('What can still be ordered this period (never below 0).'),
  })
  .describe('The location\'s budget in the current period.');

export const ZCompanyLocation = z
  .object({
    id: ZId,
    company_id: ZId,
    name: z.string(),
    shipping_address: ZShippingAddress,
    budget: ZBudget,
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  })
  .describe('A company location (a site that orders) with its budget.');
export type CompanyLocationDto = z.infer<typeof ZCompanyLocation>;

export const ZCompanyMember = z
  .object({
    id: ZId.describe('The membership id.'),
    company_id: ZId,
    customer: z
      .object({
        id: ZId,
        email: z.string().nullable(),
        first_name: z.string().nullable(),
        last_name: z.string().nullable(),
      })
      .describe('The customer this membership belongs to.'),
    role: ZCompanyRole,
    location_ids: z.array(ZId).nullable().describe('The locations this member is limited to; null when not limited (all locations).'),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  })
  .describe('A customer\'s membership in a company.');
export type CompanyMemberDto = z.infer<typeof ZCompanyMember>;

export const ZB2BAction = z.enum(B2B_ACTIONS).describe('A company action (see the permission table in the README).');
