import { z } from 'zod';
import { ZId, ZTimestamp } from '../common/schemas.js';

/** Largest custom stylesheet a shop may save, in UTF-8 bytes (larger: 413). */
export const CUSTOM_CSS_MAX_BYTES = 64 * 1024;

export const CSS_DROP_REASONS = [
  'at_rule_not_allowed', 'import_not_allowed', 'property_not_allowed', 'unknown_property', 'function_not_allowed',
  'url_not_allowed', 'url_with_attribute_selector', 'nested_rule_not_allowed', 'unparseable',
] as const;
export const ZCssDropReason = z
  .enum(CSS_DROP_REASONS)
  .describe(
    '`at_rule_not_allowed`: only @media, @supports, @container, @layer, @keyframes and @font-face are kept; ' +
      '`import_not_allowed`: @import would load CSS that was never sanitised; ' +
      '`property_not_allowed`: behavior / -moz-binding run code; `unknown_property`: not a CSS property; ' +
      '`function_not_allowed`: e.g. expression(); `url_not_allowed`: only https URLs and data:image/(png|gif|jpeg|webp); ' +
      '`url_with_attribute_selector`: a URL in a rule that matches attribute values could leak what customers type; ' +
      '`nested_rule_not_allowed`: nested rules are not supported; `unparseable`: the parser could not read it.',
  );
export type CssDropReason = z.infer<typeof ZCssDropReason>;

export const ZCssDroppedItem = z
  .object({
    what: z.string().describe('The at-rule, property or selector that was dropped (shortened to 120 characters).'),
    reason: ZCssDropReason,
    line: z.number().int().nullable().describe('1-based line of the dropped part in the submitted CSS.'),
    column: z.number().int().nullable().describe('1-based column.'),
  })
  .describe('One part of the submitted CSS that did not survive sanitising.');
export type CssDroppedItem = z.infer<typeof ZCssDroppedItem>;

export const ZCustomCss = z
  .object({
    shop_id: ZId.describe('The shop whose portal this styles.'),
    css: z.string().describe('The sanitised CSS, safe to put in a style element or a constructed stylesheet.'),
    etag: z.string().describe('Strong validator of `css`; send it back as If-None-Match to get 304 while unchanged.'),
    updated_at: ZTimestamp.nullable().describe('When the merchant last saved; null if never.'),
  })
  .describe('The shop\'s sanitised custom portal CSS.');

export const ZAdminCustomCss = ZCustomCss.extend({
  source: z.string().describe('The CSS exactly as the merchant submitted it.'),
  dropped: z.array(ZCssDroppedItem).describe('What sanitising removed from `source`, and why.'),
}).describe('The shop\'s custom portal CSS, as submitted and as served.');
