import { requestMagicLinkMeta, ZRequestMagicLinkInput, ZRequestMagicLinkOutput } from '@cartly/contracts/passwordless';
import { procedure } from '../trpc.js';
import { loginContext } from './request-context.js';
import { requestMagicLink as sendLink } from './magic-link.js';

export const requestMagicLink = procedure(requestMagicLinkMeta)
  .input(ZRequestMagicLinkInput)
  .output(ZRequestMagicLinkOutput)
  .mutation(({ ctx, input }) => sendLink(loginContext(ctx), input));
