export * from './shapes.js';
export * from './parse-env.js';
export * from './key-ring.js';
export * from './temporal-connection.js';
