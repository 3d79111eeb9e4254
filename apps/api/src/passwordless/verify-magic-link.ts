import { verifyMagicLinkMeta, ZVerifyMagicLinkInput, ZVerifyMagicLinkOutput } from '@cartly/contracts/passwordless';
import { procedure } from '../trpc.js';
import { header } from '../http/headers.js';
import { resolveStorefrontToken } from '../auth/credentials.js';
import { verifyMagicLink as useLink } from './magic-link.js';

/** A mutation although REST serves it as GET: it uses the link up and issues a CAT, in one transaction. */
export const verifyMagicLink = procedure(verifyMagicLinkMeta)
  .input(ZVerifyMagicLinkInput)
  .output(ZVerifyMagicLinkOutput)
  .mutation(async ({ ctx, input }) => {
    // The token names its shop; a storefront token is optional, but if sent it must be valid and of that shop.
    const sat = header(ctx.req, 'x-shopify-storefront-access-token') ?? header(ctx.req, 'x-cartly-storefront-access-token');
    const storefrontShopId = sat !== undefined ? (await resolveStorefrontToken(ctx.em, sat)).shopId : undefined;
    return useLink({ em: ctx.em, deps: ctx.deps.passwordless, env: ctx.env, storefrontShopId }, input.token);
  });
