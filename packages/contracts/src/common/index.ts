export * from './auth.js';
export * from './route.js';
export * from './errors.js';
export * from './schemas.js';
export * from './pagination.js';
export * from './countries.js';
