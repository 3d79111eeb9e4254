export * from './schemas.js';
export * from './admin-list-customers.js';
export * from './admin-get-customer.js';
export * from './admin-create-customer.js';
