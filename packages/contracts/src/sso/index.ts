export * from './schemas.js';
export * from './admin-put-sso.js';
export * from './admin-get-sso.js';
export * from './init-sso.js';
export * from './discover-sso.js';
export * from './callback.js';
