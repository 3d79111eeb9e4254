import { z } from 'zod';
import { route } from '../common/route.js';
import { ZEmail } from '../common/schemas.js';
import { ZSsoDiscovered } from './schemas.js';

export const discoverSsoMeta = route({
  method: 'GET', path: '/storefront/v1/customer/sso/discover', auth: 'storefront',
  tags: ['Enterprise SSO'], summary: 'Whether an email logs in through a company\'s identity provider',
  description:
    'The enabled SSO configuration of the shop whose email domain equals the address\'s domain (exact, ' +
    'case-insensitive, IDN-normalised), or `null`. A login form calls it to show "Log in with your company". ' +
    'It reveals only that a domain uses SSO, never whether the address belongs to a customer.',
});
export const ZDiscoverSsoInput = z.strictObject({ email: ZEmail });
export const ZDiscoverSsoOutput = z.object({
  sso: ZSsoDiscovered.nullable(),
});
