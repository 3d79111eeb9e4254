import type { RawRoute } from './http/raw-routes.js';
import { passwordlessRawRoutes } from './passwordless/raw-routes.js';
import { portalCoreRawRoutes } from './portal-core/raw-routes.js';
import { accountApiRawRoutes } from './portal-core/account-api-raw-routes.js';
import { openapiRawRoutes } from './openapi/raw-routes.js';
import { ssoRawRoutes } from './sso/raw-routes.js';

/** Every non-JSON route; each domain contributes its table. */
export const rawRoutes: readonly RawRoute[] = [...passwordlessRawRoutes, ...portalCoreRawRoutes, ...accountApiRawRoutes, ...ssoRawRoutes, ...openapiRawRoutes];
