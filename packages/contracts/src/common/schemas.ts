import { z } from 'zod';

export const ZId = z.uuid().describe('Resource id (UUID).');
export const ZTimestamp = z.iso.datetime().describe('ISO-8601 timestamp in UTC.');
export const ZMoneyCents = z.number().int().describe('Amount in minor units of the currency (e.g. cents).');
export const ZCurrency = z.string().length(3).describe('ISO-4217 currency code.');

/** E.164 phone number: + then up to 15 digits, no separators. */
export const ZPhone = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number, e.g. +14155550123')
  .describe('Phone number in E.164 format.');

export const ZEmail = z
  .string()
  .trim()
  .max(320)
  .transform((v) => v.normalize('NFKC').toLowerCase())
  .pipe(z.email('must be a plain email address'))
  .describe('Email address; trimmed, NFKC-normalised and lower-cased.');

/** Only the id travels in the path of single-resource routes. */
export const ZIdInput = z.strictObject({ id: ZId });

export const ZOk = z.object({ ok: z.literal(true) }).describe('The operation succeeded.');
