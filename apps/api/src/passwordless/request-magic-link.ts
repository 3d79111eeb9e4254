import { requestMagicLinkMeta, ZRequestMagicLinkInput, ZRequestMagicLinkOutput } from '@cartly/contracts/passwordless';
import { storefrontProcedure } from '../trpc.js';
import { requestMagicLink as sendLink } from './magic-link.js';

export const requestMagicLink = storefrontProcedure
  .meta(requestMagicLinkMeta)
  .input(ZRequestMagicLinkInput)
  .output(ZRequestMagicLinkOutput)
  .mutation(({ ctx, input }) => sendLink(ctx, input));
