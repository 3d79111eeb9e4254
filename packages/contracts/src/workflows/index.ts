export * from './returns.js';
