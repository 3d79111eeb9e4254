import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { Customer } from '../customers/customer.js';
import { Order } from '../orders/orders.js';

/*
 * Loyalty points (SPEC §10, issue #13 item 4). One account row per customer
 * holds the running totals; every change to them is one ledger entry written
 * in the same transaction, with a per-shop unique source key so that earning
 * from an order, a refund's reversal or a yearly birthday bonus happens once.
 * CHECKs in the migration keep balance and pending at or above zero, whatever
 * the code does.
 */

export const LOYALTY_EARN_KINDS = ['per_currency_unit', 'first_order', 'birthday', 'signup'] as const;
export type LoyaltyEarnKind = (typeof LOYALTY_EARN_KINDS)[number];

export const LOYALTY_REWARD_KINDS = ['fixed_amount_discount', 'percentage_discount', 'free_shipping'] as const;
export type LoyaltyRewardKind = (typeof LOYALTY_REWARD_KINDS)[number];

export const LOYALTY_ENTRY_KINDS = ['earn', 'redeem', 'adjust', 'reverse', 'expire'] as const;
export type LoyaltyEntryKind = (typeof LOYALTY_ENTRY_KINDS)[number];

export const LOYALTY_ENTRY_STATUSES = ['pending', 'posted'] as const;
export type LoyaltyEntryStatus = (typeof LOYALTY_ENTRY_STATUSES)[number];

export interface LoyaltyTier {
  name: string;
  /** Lifetime points from which a customer holds this tier. */
  minLifetimePoints: number;
}

/** The shop's program knobs; absent means the defaults of `loyaltyProgramDefaults`. */
export const LoyaltyProgram = defineEntity({
  name: 'LoyaltyProgram',
  tableName: 'loyalty_program',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade').unique(),
    /** Posted points expire after this many days without any earning or spending; null = never. */
    pointsExpireAfterDays: p.integer().nullable(),
    tiers: p.json<LoyaltyTier[]>(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type ILoyaltyProgram = InferEntity<typeof LoyaltyProgram>;

/** One rule per kind and shop: how many points an event earns. */
export const LoyaltyEarnRule = defineEntity({
  name: 'LoyaltyEarnRule',
  tableName: 'loyalty_earn_rule',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    kind: p.enum([...LOYALTY_EARN_KINDS]),
    name: p.string().length(100),
    description: p.text().nullable(),
    /** For `per_currency_unit`: points per whole unit of the order's currency; otherwise the bonus. */
    points: p.integer(),
    active: p.boolean().default(true),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  uniques: [{ properties: ['shop', 'kind'] }],
});
export type ILoyaltyEarnRule = InferEntity<typeof LoyaltyEarnRule>;

export const LoyaltyReward = defineEntity({
  name: 'LoyaltyReward',
  tableName: 'loyalty_reward',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    name: p.string().length(100),
    description: p.text().nullable(),
    kind: p.enum([...LOYALTY_REWARD_KINDS]),
    /** Positive (CHECK in migration). */
    pointsCost: p.integer(),
    /** Money off, for `fixed_amount_discount`. */
    amountCents: p.integer().nullable(),
    /** 1–100, for `percentage_discount`. */
    percentage: p.integer().nullable(),
    minimumSubtotalCents: p.integer().nullable(),
    active: p.boolean().default(true),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  indexes: [{ properties: ['shop', 'active'] }],
});
export type ILoyaltyReward = InferEntity<typeof LoyaltyReward>;

export const LoyaltyAccount = defineEntity({
  name: 'LoyaltyAccount',
  tableName: 'loyalty_account',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().deleteRule('cascade'),
    /** Spendable points; never negative (CHECK). */
    balance: p.integer().default(0),
    /** Earned from orders not yet fulfilled; never negative (CHECK). */
    pending: p.integer().default(0),
    /** Posted points ever earned net of reversals; decides the tier. */
    lifetime: p.integer().default(0),
    /** `YYYY-MM-DD`; the birthday rule pays once a year on or after it. */
    birthDate: p.string().length(10).nullable(),
    /** Last earning or spending; expiry counts from it. */
    lastActivityAt: p.datetime().onCreate(() => new Date()),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  uniques: [{ properties: ['shop', 'customer'] }],
});
export type ILoyaltyAccount = InferEntity<typeof LoyaltyAccount>;

export const LoyaltyLedgerEntry = defineEntity({
  name: 'LoyaltyLedgerEntry',
  tableName: 'loyalty_ledger_entry',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().deleteRule('cascade'),
    kind: p.enum([...LOYALTY_ENTRY_KINDS]),
    /** `pending` entries count in the account's pending total until their order is fulfilled. */
    status: p.enum([...LOYALTY_ENTRY_STATUSES]),
    /** Signed: positive earns, negative spends or takes back. */
    points: p.integer(),
    /** Customer-facing line: "Order #1001", "Reward: $5 off". */
    description: p.string().length(200),
    order: p.manyToOne(Order).mapToPk().nullable().deleteRule('set null'),
    /** What caused the entry, unique per shop: `order:<id>:purchase`, `refund:<id>`, `birthday:<customer>:2026`... */
    sourceKey: p.string().length(200),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['shop', 'sourceKey'] }],
  indexes: [{ properties: ['shop', 'customer', 'createdAt'] }, { properties: ['shop', 'order'] }],
});
export type ILoyaltyLedgerEntry = InferEntity<typeof LoyaltyLedgerEntry>;

/** A reward a customer bought with points: for discounts, a unique code valid 30 days. */
export const LoyaltyRedemption = defineEntity({
  name: 'LoyaltyRedemption',
  tableName: 'loyalty_redemption',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().deleteRule('cascade'),
    reward: p.manyToOne(LoyaltyReward).mapToPk().deleteRule('cascade'),
    ledgerEntry: p.manyToOne(LoyaltyLedgerEntry).mapToPk().unique(),
    pointsSpent: p.integer(),
    /** Discount code; unique across all shops so a code alone names its redemption. */
    code: p.string().length(40).unique(),
    kind: p.enum([...LOYALTY_REWARD_KINDS]),
    amountCents: p.integer().nullable(),
    percentage: p.integer().nullable(),
    minimumSubtotalCents: p.integer().nullable(),
    expiresAt: p.datetime(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop', 'customer', 'createdAt'] }],
});
export type ILoyaltyRedemption = InferEntity<typeof LoyaltyRedemption>;
