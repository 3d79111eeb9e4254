export { createCartlyClient, cartlyHeaders, type CartlyClient, type CartlyClientOptions, type TokenSource } from './create-client.js';
export { cartlyError, isCartlyError, fieldError, type CartlyErrorCode, type CartlyErrorInfo, type ErrorCode, type FieldIssue } from './errors.js';
export type { AppRouter, RouterInputs, RouterOutputs } from './types.js';
