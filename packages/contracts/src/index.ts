// The root export is what every domain shares; each domain's contracts are a subpath
// (`@cartly/contracts/returns`), so two domains can both name a `listMembers`.
export * from './common/index.js';
