import { z } from 'zod';
import { route } from '../common/route.js';
import { ZJsonWebKeySet } from './schemas.js';

export const getJwksMeta = route({
  method: 'GET', path: '/.well-known/jwks.json', auth: 'public',
  tags: ['App sessions'], summary: 'Public keys that verify the tokens this API signs',
  description:
    'Verify an AST offline: check the ES256 signature with the key whose `kid` matches, then `typ` = ' +
    '"cartly-ast+jwt", `iss` = this API\'s base URL, `aud` = your client id, and `exp`. Keys rotate: previous keys ' +
    'stay listed while tokens they signed can still be valid, so re-fetch on an unknown `kid`.',
});
export const ZGetJwksInput = z.void();
export const ZGetJwksOutput = ZJsonWebKeySet;
