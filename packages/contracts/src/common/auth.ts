/**
 * The credentials a route can take (SPEC §2), in one table: what the OpenAPI
 * document says each one needs and which errors it adds. The API's
 * authenticators are keyed by the same names (apps/api/src/auth/authenticators.ts),
 * so a contract's `auth` picks the enforcement and the documentation together.
 */
export const AUTH_KINDS = {
  /** No credential (the route checks what it needs itself, e.g. a signed token). */
  public: { security: [], errors: [] },
  /** SAT: which shop, which storefront. */
  storefront: { security: [['StorefrontAccessToken']], errors: [401] },
  /** SAT + CAT: a customer of the SAT's shop. */
  storefront_customer: { security: [['StorefrontAccessToken', 'CustomerAccessToken']], errors: [401] },
  /** SAT, and a CAT of the SAT's shop when one is sent (an invalid one is 401). */
  storefront_optional_customer: {
    security: [['StorefrontAccessToken', 'CustomerAccessToken'], ['StorefrontAccessToken']],
    errors: [401],
  },
  /** CAT only: the portal's first-party `/customer/*` API. */
  customer: { security: [['CustomerAccessToken']], errors: [401] },
  /** A CAT when one is sent (an invalid one is 401); without one the route answers for nobody. */
  optional_customer: { security: [['CustomerAccessToken'], []], errors: [401] },
  /** Admin token; the route's `scope` is required (403 without it). */
  admin: { security: [['AdminToken']], errors: [401, 403] },
  /** App OAuth token: an installed app acting on its shop. */
  app: { security: [['AppToken']], errors: [401] },
} as const satisfies Record<string, { security: readonly (readonly SecurityScheme[])[]; errors: readonly number[] }>;

export type SecurityScheme = 'StorefrontAccessToken' | 'CustomerAccessToken' | 'AdminToken' | 'AppToken';
export type RouteAuth = keyof typeof AUTH_KINDS;
