import { verifyAppSessionMeta, ZVerifyAppSessionInput, ZVerifyAppSessionOutput } from '@cartly/contracts/app-sessions';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { readAppSessionToken } from './app-session-tokens.js';
import { isCustomerTokenLive } from '../auth/credentials.js';

const invalid = () => new AppError('UNAUTHENTICATED', 'invalid or expired app session token');

export const verifyAppSession = procedure(verifyAppSessionMeta)
  .input(ZVerifyAppSessionInput)
  .output(ZVerifyAppSessionOutput)
  .mutation(async ({ ctx, input }) => {
    // `aud` must be the calling app: another app's AST, of this shop or any other, fails here.
    const claims = await readAppSessionToken(ctx.deps.appSessions.keys, input.token, { appClientId: ctx.app.appClientId });
    if (!claims || claims.shopId !== ctx.shopId) throw invalid();
    // Server-side verification also honours logout: the CAT it came from must still be valid.
    if (!(await isCustomerTokenLive(ctx.em, { id: claims.customerTokenId, shopId: ctx.shopId, customerId: claims.customerId }))) throw invalid();
    return { customer_id: claims.customerId, shop_id: claims.shopId, expires_at: claims.expiresAt.toISOString() };
  });
