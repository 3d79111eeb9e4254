import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from '../lib/columns.js';

/** Per-shop knobs; every field has a default so older rows stay valid. */
export interface ShopSettings {
  /** Days after fulfilment during which a customer may request a return. */
  returnWindowDays?: number;
  /** Hours an undecided return request waits before it expires (default 14 days). */
  returnDecisionHours?: number;
  /** Finer-grained override of returnDecisionHours, in seconds; wins when set (short-lived demos, tests). */
  returnDecisionSeconds?: number;
  /** Minutes an OTP code lives (capped at 15). */
  otpTtlMinutes?: number;
  /** Whether an unknown identifier may sign up on first login. */
  passwordlessSignup?: boolean;
  /** Origins/URL prefixes magic-link redirect_url may point at. */
  redirectAllowList?: string[];
  /** E.164 calling-code prefixes SMS may go to (e.g. ["+1", "+44"]); unset means the shop's country's (any when it has none). */
  smsAllowedCallingCodes?: string[];
  /** BCP 47 locale the portal speaks (default `en`); extension blocks see it. */
  locale?: string;
  /** Origins (`URL.origin` form, e.g. `https://shop.example`) whose pages may call the storefront and customer API from a browser (CORS). */
  storefrontOrigins?: string[];
}

export const Shop = defineEntity({
  name: 'Shop',
  tableName: 'shop',
  properties: {
    id: idColumn(),
    name: p.string().length(200),
    domain: p.string().length(255).unique(),
    email: p.string().length(320).nullable(),
    currency: p.string().length(3).default('USD'),
    /** IANA time zone; B2B budget periods start at midnight here. */
    timezone: p.string().length(64).default('UTC'),
    /** ISO 3166-1 alpha-2 country the shop trades from; SMS go only there unless settings say otherwise. */
    country: p.string().length(2).nullable(),
    settings: p.json<ShopSettings>().onCreate(() => ({})),
    createdAt: createdAtColumn(),
  },
});
export type IShop = InferEntity<typeof Shop>;
