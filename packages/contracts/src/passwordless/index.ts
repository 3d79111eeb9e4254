export * from './identifiers.js';
export * from './schemas.js';
export * from './customer-access-token.js';
export * from './request-otp.js';
export * from './verify-otp.js';
export * from './request-magic-link.js';
export * from './verify-magic-link.js';
export * from './logout.js';
