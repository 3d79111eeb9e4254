// What back-office tooling outside the API (the CLI, benchmarks, demo seeds) may use to set a shop up.
export { installApp, issueOwnerCredentials, provisionShop } from './shops/shops.js';
export { createCustomer } from './customers/create-customer.js';
export { issueCustomerToken } from './auth/credentials.js';
