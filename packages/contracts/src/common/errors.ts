import { z } from 'zod';

/**
 * The one error vocabulary (SPEC §3). Each code maps to exactly one HTTP
 * status and tRPC code in the API.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'BUSINESS_RULE',
  'RATE_LIMITED',
  'HEADERS_TOO_LARGE',
  /** An outside system we depend on (an OAuth provider) failed or timed out: 502. */
  'UPSTREAM_FAILED',
  /** A system we depend on (Temporal) did not answer in time, after our request may have reached it: 503. */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** Codes a handler can throw; `HEADERS_TOO_LARGE` (431) is answered by the HTTP frame before any handler runs. */
export type HandlerErrorCode = Exclude<ErrorCode, 'HEADERS_TOO_LARGE'>;

export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).describe('Stable machine-readable error code.'),
      message: z.string().describe('Human-readable explanation; names the offending field for validation errors.'),
      details: z.unknown().optional().describe('Structured extra data, e.g. per-field validation issues.'),
    }),
  })
  .describe('Every error response has this shape.');
export type ErrorBody = z.infer<typeof ZErrorBody>;
