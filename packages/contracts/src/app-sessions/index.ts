export * from './schemas.js';
export * from './create-app-session.js';
export * from './verify-app-session.js';
export * from './get-jwks.js';
