import { TRPCClientError } from '@trpc/client';
import type { ErrorCode } from '@cartly/contracts';

export type { ErrorCode };

/** SPEC §3's codes, plus one for a request that never got an answer (offline, CORS, DNS). */
export type CartlyErrorCode = ErrorCode | 'NETWORK_ERROR';

/** One field named by a VALIDATION_FAILED error. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** What a front end needs to know about a failed call, whatever failed. */
export interface CartlyErrorInfo {
  code: CartlyErrorCode;
  /** The API's own message (names the field for validation errors); safe to show to the user. */
  message: string;
  /** HTTP status, when the server answered. */
  status?: number;
  /** The per-field issues of a VALIDATION_FAILED error. */
  issues: FieldIssue[];
  /** Seconds to wait, for RATE_LIMITED answers that said so. */
  retryAfter?: number;
  details?: unknown;
}

const KNOWN: ReadonlySet<string> = new Set<ErrorCode>([
  'VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'CONFLICT',
  'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BUSINESS_RULE', 'RATE_LIMITED', 'INTERNAL',
]);

interface ServerError {
  code?: unknown;
  message?: unknown;
  details?: unknown;
}

function issuesOf(details: unknown): FieldIssue[] {
  const list = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(list)) return [];
  return list.filter((i): i is FieldIssue => typeof i?.field === 'string' && typeof i?.message === 'string');
}

function retryAfterOf(meta: Record<string, unknown> | undefined): number | undefined {
  const response = meta?.response as { headers?: { get(name: string): string | null } } | undefined;
  const value = Number(response?.headers?.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Reads any error a Cartly call threw as SPEC §3 describes it. The API puts
 * `{code, message, details}` in every tRPC error's shape; an error without a
 * server answer is NETWORK_ERROR.
 */
export function cartlyError(e: unknown): CartlyErrorInfo {
  if (e instanceof TRPCClientError) {
    const shape = e.shape as { error?: ServerError; data?: { httpStatus?: number } } | undefined;
    const server = shape?.error;
    const status = shape?.data?.httpStatus ?? (e.data as { httpStatus?: number } | undefined)?.httpStatus;
    if (server && typeof server.code === 'string' && KNOWN.has(server.code)) {
      return {
        code: server.code as ErrorCode,
        message: typeof server.message === 'string' ? server.message : e.message,
        ...(status !== undefined ? { status } : {}),
        issues: issuesOf(server.details),
        ...(retryAfterOf(e.meta) !== undefined ? { retryAfter: retryAfterOf(e.meta) } : {}),
        ...(server.details !== undefined ? { details: server.details } : {}),
      };
    }
    if (!shape) return { code: 'NETWORK_ERROR', message: 'Could not reach the server. Check your connection and try again.', issues: [] };
    return { code: 'INTERNAL', message: e.message || 'Something went wrong.', ...(status !== undefined ? { status } : {}), issues: [] };
  }
  if (e instanceof TypeError) return { code: 'NETWORK_ERROR', message: 'Could not reach the server. Check your connection and try again.', issues: [] };
  return { code: 'INTERNAL', message: 'Something went wrong.', issues: [] };
}

/** Whether `e` is a Cartly API error, optionally of one code: `if (isCartlyError(e, 'UNAUTHENTICATED')) logout()`. */
export function isCartlyError(e: unknown, code?: CartlyErrorCode): boolean {
  if (!(e instanceof TRPCClientError) && !(e instanceof TypeError)) return false;
  const info = cartlyError(e);
  return code === undefined ? info.code !== 'NETWORK_ERROR' : info.code === code;
}

/** The message for one field of a VALIDATION_FAILED error (`field` as the API names it, e.g. `lines.0.quantity`). */
export function fieldError(e: unknown, field: string): string | undefined {
  return cartlyError(e).issues.find((i) => i.field === field)?.message;
}
