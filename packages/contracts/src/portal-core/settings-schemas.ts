import { z } from 'zod';
import { ZId, ZPhone, ZTimestamp } from '../common/schemas.js';

/*
 * The customer-portal settings document (SPEC §10): one per shop, versioned.
 * A PUT replaces the whole document, so every section and field is required
 * and unknown fields are rejected; a shop that never saved one gets
 * DEFAULT_PORTAL_SETTINGS (version 0).
 */

const ZHexColor = (what: string) =>
  z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour').describe(what);
const ZHttpsUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain })
  .max(2000)
  .describe('An absolute https URL.');
const ZText = (what: string, max: number) => z.string().trim().min(1).max(max).describe(what);
const ZToggle = (what: string) => z.boolean().describe(what);

export const PORTAL_AUTH_METHODS = ['otp_email', 'otp_sms', 'magic_link', 'sso'] as const;

export const ZPortalTheme = z
  .strictObject({
    primary_color: ZHexColor('Buttons, links and highlights.'),
    accent_color: ZHexColor('Secondary highlights and badges.'),
    background_color: ZHexColor('Page background.'),
    text_color: ZHexColor('Body text.'),
    logo_url: ZHttpsUrl.nullable().describe('The shop logo shown in the portal header; https only.'),
    font_family: z
      .string()
      .regex(/^[A-Za-z0-9 ,'-]{1,100}$/, 'may only name fonts: letters, digits, spaces, commas, quotes and hyphens')
      .describe('CSS font-family list, e.g. `Inter, sans-serif`.'),
    border_radius_px: z.number().int().min(0).max(48).describe('Corner radius of cards and buttons, in pixels.'),
  })
  .describe('Theme and branding.');

export const ZPortalFeatures = z
  .strictObject({
    pause: ZToggle('Customers may pause a subscription.'),
    skip: ZToggle('Customers may skip an upcoming order.'),
    swap: ZToggle('Customers may swap a product for another.'),
    frequency_change: ZToggle('Customers may change the delivery frequency.'),
    quantity_change: ZToggle('Customers may change quantities.'),
    address_edit: ZToggle('Customers may edit delivery addresses.'),
    payment_update: ZToggle('Customers may update their payment method.'),
    cancel: ZToggle('Customers may cancel a subscription themselves.'),
  })
  .describe('Which self-service actions the portal offers.');

export const ZPortalLimits = z
  .strictObject({
    max_pause_days: z.number().int().min(1).max(365).describe('Longest pause a customer may choose, in days.'),
    skip_limit: z.number().int().min(0).max(52).describe('Orders a customer may skip in a row (0 = none).'),
  })
  .describe('Limits on self-service actions.');

const HELP_TOPICS = ['pause', 'skip', 'swap', 'frequency', 'quantity', 'address', 'payment', 'cancel', 'refunds'] as const;
export const ZPortalMessaging = z
  .strictObject({
    support_email: z.email('must be an email address').max(320).nullable().describe('Where customers write for help.'),
    support_phone: ZPhone.nullable().describe('Support phone number, E.164.'),
    support_url: ZHttpsUrl.nullable().describe('Help centre page.'),
    welcome_message: ZText('Shown on the account overview.', 500).nullable(),
    help_texts: z
      .partialRecord(z.enum(HELP_TOPICS), ZText('Help text for one topic.', 1000))
      .describe(`Help texts by topic (${HELP_TOPICS.join(', ')}); a topic without text shows none.`),
  })
  .describe('Support contact and help texts.');

export const ZPortalAccess = z
  .strictObject({
    auth_methods: z
      .array(z.enum(PORTAL_AUTH_METHODS))
      .min(1)
      .max(PORTAL_AUTH_METHODS.length)
      .refine((m) => new Set(m).size === m.length, 'lists a method twice')
      .describe('Login methods the portal offers, in display order.'),
    session_length_hours: z.number().int().min(1).max(24 * 90).describe('How long a portal login lasts, in hours.'),
  })
  .describe('How customers log in to the portal.');

export const ZPortalRefunds = z
  .strictObject({
    enabled: ZToggle('Customers may refund a fulfilled order themselves from the portal.'),
    window_days: z.number().int().min(0).max(365).describe('Days after the last fulfilment during which an order can be refunded.'),
    restocking_fee_bps: z
      .number().int().min(0).max(10_000)
      .describe('Restocking fee in basis points of the refundable amount (250 = 2.5 %); rounded half up to the cent.'),
    non_refundable_fee_cents: z
      .number().int().min(0).max(100_000_000)
      .describe('A fixed fee per refund that is kept, e.g. payment processing, in minor units.'),
  })
  .describe('Self-service order refunds.');

export const ZPortalSettingsDocument = z
  .strictObject({
    theme: ZPortalTheme,
    features: ZPortalFeatures,
    limits: ZPortalLimits,
    messaging: ZPortalMessaging,
    access: ZPortalAccess,
    refunds: ZPortalRefunds,
  })
  .describe('The whole customer-portal settings document.');
export type PortalSettingsDocument = z.infer<typeof ZPortalSettingsDocument>;

/** What a shop that never saved settings gets: a standard self-service portal. */
export const DEFAULT_PORTAL_SETTINGS: PortalSettingsDocument = {
  theme: {
    primary_color: '#1f6feb', accent_color: '#8250df', background_color: '#ffffff', text_color: '#1f2328',
    logo_url: null, font_family: 'system-ui, sans-serif', border_radius_px: 8,
  },
  features: {
    pause: true, skip: true, swap: false, frequency_change: true, quantity_change: true,
    address_edit: true, payment_update: true, cancel: true,
  },
  limits: { max_pause_days: 90, skip_limit: 2 },
  messaging: { support_email: null, support_phone: null, support_url: null, welcome_message: null, help_texts: {} },
  access: { auth_methods: ['otp_email', 'magic_link'], session_length_hours: 24 * 14 },
  refunds: { enabled: true, window_days: 30, restocking_fee_bps: 0, non_refundable_fee_cents: 0 },
};

export const ZPortalSettings = z
  .object({
    shop_id: ZId.describe('The shop these settings belong to.'),
    version: z.number().int().min(0).describe('Increases by one with every save; 0 means the defaults (never saved).'),
    settings: ZPortalSettingsDocument,
    updated_at: ZTimestamp.nullable().describe('When this version was saved; null for the defaults.'),
  })
  .describe('A shop\'s customer-portal settings, at one version.');
export type PortalSettingsDto = z.infer<typeof ZPortalSettings>;
