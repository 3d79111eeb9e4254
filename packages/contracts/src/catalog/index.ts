export * from './schemas.js';
export * from './admin-list-products.js';
export * from './admin-create-product.js';
