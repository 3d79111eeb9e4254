import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { Customer } from '../customers/customer.js';
import { Order } from '../orders/orders.js';

/*
 * B2B companies (SPEC §7). A location's budget is kept as a ledger
 * (company_budget_entry); `spent_cents` on the location is the ledger's running
 * sum, kept beside it so a charge can be checked and written under one row lock.
 */

export const COMPANY_ROLES = ['admin', 'buyer', 'viewer'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

export const BUDGET_PERIODS = ['monthly', 'quarterly', 'yearly'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

export const BUDGET_ENTRY_KINDS = ['charge', 'refund', 'reset'] as const;
export type BudgetEntryKind = (typeof BUDGET_ENTRY_KINDS)[number];

export const Company = defineEntity({
  name: 'Company',
  tableName: 'company',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    name: p.string().length(200),
    /** The merchant's own reference (ERP id); unique per shop when set. */
    externalId: p.string().length(100).nullable(),
    note: p.text().nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  uniques: [{ properties: ['shop', 'externalId'] }],
  indexes: [{ properties: ['shop', 'name'] }],
});
export type ICompany = InferEntity<typeof Company>;

export const CompanyLocation = defineEntity({
  name: 'CompanyLocation',
  tableName: 'company_location',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    company: p.manyToOne(Company).mapToPk().deleteRule('cascade'),
    name: p.string().length(200),
    address1: p.string().length(200),
    address2: p.string().length(200).nullable(),
    city: p.string().length(100),
    province: p.string().length(100).nullable(),
    zip: p.string().length(20).nullable(),
    countryCode: p.string().length(2),
    /** Minor units; >= 0 (CHECK in migration). */
    budgetAmountCents: p.integer(),
    currency: p.string().length(3),
    budgetPeriod: p.enum([...BUDGET_PERIODS]),
    /** First day (in the shop's time zone) of the period `spent_cents` counts; a date column, 'YYYY-MM-DD'. */
    periodStart: p.string().columnType('date'),
    /** The ledger's running sum; >= 0 (CHECK in migration). */
    spentCents: p.integer().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  indexes: [{ properties: ['shop', 'company'] }],
});
export type ICompanyLocation = InferEntity<typeof CompanyLocation>;

/**
 * One line of a location's budget: `charge` (positive, one per order),
 * `refund` (negative, one per refund of a company order) and `reset` (minus the spend carried out of the old
 * period, one per location and new period: partial unique index in the migration).
 */
export const CompanyBudgetEntry = defineEntity({
  name: 'CompanyBudgetEntry',
  tableName: 'company_budget_entry',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    location: p.manyToOne(CompanyLocation).mapToPk().deleteRule('cascade'),
    kind: p.enum([...BUDGET_ENTRY_KINDS]),
    amountCents: p.integer(),
    /** The period the entry counts in; for a reset, the period it opens. */
    periodStart: p.string().columnType('date'),
    order: p.manyToOne(Order).mapToPk().nullable(),
    /** A refund's payment idempotency key: one credit per refund (partial unique index in the migration). */
    idempotencyKey: p.string().length(120).nullable(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop', 'location'] }],
});
export type ICompanyBudgetEntry = InferEntity<typeof CompanyBudgetEntry>;

export const CompanyMembership = defineEntity({
  name: 'CompanyMembership',
  tableName: 'company_membership',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    company: p.manyToOne(Company).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().deleteRule('cascade'),
    role: p.enum([...COMPANY_ROLES]),
    /** When true, the member sees and orders for only the locations in company_membership_location. */
    locationLimited: p.boolean().default(false),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  // A customer belongs to at most one company: the database says so, not only the service.
  uniques: [{ properties: ['shop', 'customer'] }],
  indexes: [{ properties: ['shop', 'company'] }],
});
export type ICompanyMembership = InferEntity<typeof CompanyMembership>;

export const CompanyMembershipLocation = defineEntity({
  name: 'CompanyMembershipLocation',
  tableName: 'company_membership_location',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    membership: p.manyToOne(CompanyMembership).mapToPk().deleteRule('cascade'),
    location: p.manyToOne(CompanyLocation).mapToPk().deleteRule('cascade'),
  },
  uniques: [{ properties: ['membership', 'location'] }],
  indexes: [{ properties: ['shop', 'membership'] }, { properties: ['shop', 'location'] }],
});
export type ICompanyMembershipLocation = InferEntity<typeof CompanyMembershipLocation>;

/**
 * An order placed for a company location (by reorder). The foreign keys to
 * company and location have no delete rule: a company or location with orders
 * cannot be deleted (the API answers 409 first).
 */
export const CompanyOrder = defineEntity({
  name: 'CompanyOrder',
  tableName: 'company_order',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    order: p.manyToOne(Order).mapToPk().unique(),
    company: p.manyToOne(Company).mapToPk(),
    location: p.manyToOne(CompanyLocation).mapToPk(),
    /** The order the new one copied, if any. */
    sourceOrder: p.manyToOne(Order).mapToPk().nullable(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop', 'company'] }, { properties: ['shop', 'location'] }],
});
export type ICompanyOrder = InferEntity<typeof CompanyOrder>;

export const companyEntities = [
  Company, CompanyLocation, CompanyBudgetEntry, CompanyMembership, CompanyMembershipLocation, CompanyOrder,
];
