import { getJwksMeta, ZGetJwksInput, ZGetJwksOutput } from '@cartly/contracts/app-sessions';
import { procedure } from '../trpc.js';

export const getJwks = procedure(getJwksMeta)
  .input(ZGetJwksInput)
  .output(ZGetJwksOutput)
  .query(async ({ ctx }) => {
    // Short cache: a verifier re-fetches soon after a rotation, and on an unknown kid anyway.
    ctx.res.setHeader('cache-control', 'public, max-age=300');
    return ctx.deps.appSessions.keys.jwks();
  });
