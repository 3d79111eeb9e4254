export * from './shapes.js';
export * from './parse-env.js';
