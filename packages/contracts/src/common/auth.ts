/**
 * The credentials a route can take (SPEC §2), in one table: what the OpenAPI
 * document says each one needs (`security`: alternatives, `[]` = none), which
 * errors it adds, and one sentence for the operation's description. The API's
 * authenticators are keyed by the same names (apps/api/src/auth/authenticators.ts),
 * so a contract's `auth` picks the enforcement and the documentation together.
 */
export const AUTH_KINDS = {
  /** No credential (the route checks what it needs itself, e.g. a signed token). */
  public: { security: [], errors: [], describe: 'No credential.' },
  /** SAT when one is sent (an invalid one is 401); without one the route finds the shop elsewhere. */
  optional_storefront: {
    security: [['StorefrontAccessToken'], []],
    errors: [401],
    describe: 'Storefront access token optional; if sent it must be valid (else 401) and of the shop the request names.',
  },
  /** SAT: which shop, which storefront. */
  storefront: { security: [['StorefrontAccessToken']], errors: [401], describe: 'Storefront access token (SAT) required.' },
  /** SAT + CAT: a customer of the SAT's shop. */
  storefront_customer: {
    security: [['StorefrontAccessToken', 'CustomerAccessToken']],
    errors: [401],
    describe: 'Storefront access token (SAT) and a customer access token (CAT) of the same shop required.',
  },
  /** SAT, and a CAT of the SAT's shop when one is sent (an invalid one is 401). */
  storefront_optional_customer: {
    security: [['StorefrontAccessToken', 'CustomerAccessToken'], ['StorefrontAccessToken']],
    errors: [401],
    describe: 'Storefront access token (SAT) required; a customer access token (CAT) of that shop is optional (an invalid one is 401).',
  },
  /** CAT only: the portal's first-party `/customer/*` API. */
  customer: { security: [['CustomerAccessToken']], errors: [401], describe: 'Customer access token (CAT) required.' },
  /** A CAT when one is sent (an invalid one is 401); without one the route answers for nobody. */
  optional_customer: {
    security: [['CustomerAccessToken'], []],
    errors: [401],
    describe: 'Customer access token (CAT) optional; an invalid one is 401.',
  },
  /**
   * CAT of a B2B company member: the route's `b2b` action is required and checked
   * against the companies permission table on every request (403 when not a member or not allowed).
   */
  company_member: {
    security: [['CustomerAccessToken']],
    errors: [401, 403],
    describe: 'Customer access token (CAT) of a member of a B2B company whose role allows this action (403 otherwise).',
  },
  /** Admin token; the route's `scope` is required (403 without it). */
  admin: { security: [['AdminToken']], errors: [401, 403], describe: 'Admin token required, with the scope named in `security` (403 without it).' },
  /** App OAuth token: an installed app acting on its shop. */
  app: { security: [['AppToken']], errors: [401], describe: 'App OAuth token of an installed app required.' },
} as const satisfies Record<string, { security: readonly (readonly SecurityScheme[])[]; errors: readonly number[]; describe: string }>;

export type SecurityScheme = 'StorefrontAccessToken' | 'CustomerAccessToken' | 'AdminToken' | 'AppToken';
export type RouteAuth = keyof typeof AUTH_KINDS;
