export * from './loyalty.js';
export * from './loyalty-ledger.js';
export * from './account-api.js';
