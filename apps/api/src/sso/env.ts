import { z } from 'zod';

/** Enterprise SSO's settings (README, Configuration). */
export const ssoEnvShape = {
  /** Every request to a company's IdP (discovery, JWKS, token) gives up after this long; the login then answers 502. */
  SSO_IDP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
};
