export * from './entities.js';
export * from './periods.js';
export * from './budget-reset.js';
export * from './budget-credit.js';
