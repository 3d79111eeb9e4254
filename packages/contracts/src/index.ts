export * from './common/index.js';
export * from './auth/index.js';
export * from './customer/index.js';
export * from './admin/index.js';
export * from './passwordless/index.js';
export * from './app-session/index.js';
export * from './returns/index.js';
export * from './extensions/index.js';
