export * from './schemas.js';
export * from './admin-list-orders.js';
export * from './admin-get-order.js';
export * from './admin-create-order.js';
export * from './admin-create-fulfillment.js';
