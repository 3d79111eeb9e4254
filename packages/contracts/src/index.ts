export * from './common/index.js';
export * from './auth/index.js';
export * from './customer/index.js';
export * from './admin/index.js';
