export * from './portal-settings.js';
export * from './custom-css.js';
export * from './inventory.js';
export * from './order-refund.js';
export * from './portal-activity.js';
