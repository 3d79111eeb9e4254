export * from './provider.js';
export * from './ledger-provider.js';
