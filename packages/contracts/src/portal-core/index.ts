export * from './loyalty.js';
export * from './account-api.js';
