import { adminUpdateAppMeta, ZAdminUpdateAppInput, ZAdminUpdateAppOutput } from '@cartly/contracts/extensions';
import { procedure } from '../trpc.js';
import { setIframeHosts } from './admin-apps.js';

export const adminUpdateApp = procedure(adminUpdateAppMeta)
  .input(ZAdminUpdateAppInput)
  .output(ZAdminUpdateAppOutput)
  .mutation(({ ctx, input }) => setIframeHosts(ctx.em, { shopId: ctx.shopId, appId: input.id }, input.iframe_hosts));
