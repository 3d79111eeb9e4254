import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { ErrorBody, ErrorCode, HandlerErrorCode } from '@cartly/contracts';

const TRPC_CODE: Record<HandlerErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_SUPPORTED',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  BUSINESS_RULE: 'UNPROCESSABLE_CONTENT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  UPSTREAM_FAILED: 'BAD_GATEWAY',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

const FROM_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  BAD_REQUEST: 'VALIDATION_FAILED',
  PARSE_ERROR: 'VALIDATION_FAILED',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_ALLOWED',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  UNPROCESSABLE_CONTENT: 'BUSINESS_RULE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  BAD_GATEWAY: 'UPSTREAM_FAILED',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
};

/**
 * The error every handler throws. It is a TRPCError so tRPC and the REST
 * adapter both derive the right HTTP status from it.
 */
export class AppError extends TRPCError {
  readonly appCode: HandlerErrorCode;
  readonly details?: unknown;
  /** Seconds, sent as Retry-After on 429. */
  readonly retryAfter?: number;

  constructor(code: HandlerErrorCode, message: string, opts: { details?: unknown; retryAfter?: number; cause?: unknown } = {}) {
    super({ code: TRPC_CODE[code], message, cause: opts.cause });
    this.appCode = code;
    this.details = opts.details;
    this.retryAfter = opts.retryAfter;
  }
}

interface IssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
}

function isZodError(e: unknown): e is Error & { issues: IssueLike[] } {
  return e instanceof Error && e.name === 'ZodError' && Array.isArray((e as { issues?: unknown }).issues);
}

function fieldName(path: PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : 'body';
}

/** Converts any error that reached the transport into the SPEC §3 body. */
export function toErrorBody(error: TRPCError): ErrorBody {
  if (error instanceof AppError) {
    return { error: { code: error.appCode, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } };
  }
  if (error.code === 'BAD_REQUEST' && isZodError(error.cause)) {
    const issues = error.cause.issues.map((i) =>
      // An unknown field is named itself, not its parent object.
      i.code === 'unrecognized_keys' && i.keys?.length
        ? { field: fieldName([...i.path, i.keys.join(', ')]), message: 'is not a known field' }
        : { field: fieldName(i.path), message: i.message },
    );
    return {
      error: {
        code: 'VALIDATION_FAILED',
        message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
        details: { issues },
      },
    };
  }
  if (error.code === 'PARSE_ERROR') {
    return { error: { code: 'VALIDATION_FAILED', message: 'request body is not valid JSON' } };
  }
  const code = FROM_TRPC[error.code];
  if (!code) return { error: { code: 'INTERNAL', message: 'internal server error' } };
  return { error: { code, message: error.message } };
}
