import { previewOrderRefundMeta, ZPreviewOrderRefundInput, ZPreviewOrderRefundOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { loadPortalSettings } from './portal-settings.js';
import { refundBreakdown } from './refund-breakdown.js';
import { refundPreviewView } from './refund-views.js';

export const previewOrderRefund = procedure(previewOrderRefundMeta)
  .input(ZPreviewOrderRefundInput)
  .output(ZPreviewOrderRefundOutput)
  .query(async ({ ctx, input }) => {
    const { settings } = await loadPortalSettings(ctx.em, ctx.shopId);
    const q = { shopId: ctx.shopId, customerId: ctx.customerId, orderId: input.id, now: new Date() };
    return refundPreviewView(await refundBreakdown(ctx.em, q, settings.refunds));
  });
