import { z } from 'zod';
import { text } from '../common/text.js';
import { route } from '../common/route.js';
import { ZMagicLinkLogin } from './schemas.js';

export const verifyMagicLinkMeta = route({
  method: 'GET', path: '/storefront/v1/customer/magic-link/verify', auth: 'optional_storefront',
  tags: ['Passwordless login'], summary: 'Exchange a magic-link token for a customer access token',
  description:
    'The token names its shop; a storefront access token is optional, and if one is sent it must be of that shop. ' +
    'A token works once (a replay answers 401), for 15 minutes.',
  errors: [401],
});
export const ZVerifyMagicLinkInput = z.strictObject({
  token: text({ min: 1, max: 4096 }).describe('The JWT from the emailed link\'s `#token=` fragment.'),
});
export const ZVerifyMagicLinkOutput = ZMagicLinkLogin;
