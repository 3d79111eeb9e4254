import { z } from 'zod';
import { normaliseEmail } from './email.js';
import { text } from './text.js';

export { text, CONTROL_CHARACTERS_MESSAGE, isGuardedString, type TextOptions } from './text.js';
export { COUNTRY_CODES, ZCountryCode, type CountryCode } from './countries.js';
export { normaliseEmail } from './email.js';

export const ZId = z.uuid().describe('Resource id (UUID).');
export const ZTimestamp = z.iso.datetime().describe('ISO-8601 timestamp in UTC.');
export const ZMoneyCents = z.number().int().describe('Amount in minor units of the currency (e.g. cents).');
export const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as "USD"').describe('ISO-4217 currency code.');

/** E.164 phone number: + then up to 15 digits, no separators. */
export const ZPhone = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number, e.g. +14155550123')
  .describe('Phone number in E.164 format.');

/** The one email schema, for login and admin alike (see email.ts): look-alikes and quoted forms are refused. */
export const ZEmail = text({ min: 1, max: 320 })
  .transform((raw, ctx) => {
    const result = normaliseEmail(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  })
  .describe('Email address such as name@example.com; trimmed, NFKC-normalised and lower-cased. Quoted, commented and look-alike forms (a full-width @) are refused.');

/**
 * A real boolean on both faces. trpc-to-openapi would coerce a bare z.boolean() (so "false" became
 * true); the HTTP frame pins that off (see apps/api/src/http/strict-input.ts) and this is the type
 * every boolean input field uses.
 */
export const ZBoolean = z.boolean({ error: 'must be true or false (a JSON boolean, not a string or number)' });

/** Only the id travels in the path of single-resource routes. */
export const ZIdInput = z.strictObject({ id: ZId });

export const ZOk = z.object({ ok: z.literal(true) }).describe('The operation succeeded.');
