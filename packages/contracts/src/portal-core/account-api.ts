export * from './account-api-schemas.js';
export * from './admin-get-account-api-provider.js';
export * from './admin-put-account-api-provider.js';
export * from './initiate-account-api.js';
export * from './get-account-api-status.js';
export * from './proxy-account-api-graphql.js';
