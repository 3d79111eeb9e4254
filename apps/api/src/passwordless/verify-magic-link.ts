import { verifyMagicLinkMeta, ZVerifyMagicLinkInput, ZVerifyMagicLinkOutput } from '@cartly/contracts/passwordless';
import { procedure } from '../trpc.js';
import { verifyMagicLink as useLink } from './magic-link.js';

/** A mutation although REST serves it as GET: it uses the link up and issues a CAT, in one transaction. */
export const verifyMagicLink = procedure(verifyMagicLinkMeta)
  .input(ZVerifyMagicLinkInput)
  .output(ZVerifyMagicLinkOutput)
  .mutation(async ({ ctx, input }) => {
    // The token names its shop; a storefront token is optional (its kind checks one that is sent), but must be of that shop.
    return useLink({ em: ctx.em, deps: ctx.deps.passwordless, env: ctx.env, storefrontShopId: ctx.shopId ?? undefined }, input.token);
  });
