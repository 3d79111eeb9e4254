import { refundOrderMeta, ZRefundOrderInput, ZRefundOrderOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { loadPortalSettings } from './portal-settings.js';
import { refundFulfilledOrder } from './refund-fulfilled-order.js';
import { orderRefundView } from './refund-views.js';

export const refundOrder = procedure(refundOrderMeta)
  .input(ZRefundOrderInput)
  .output(ZRefundOrderOutput)
  .mutation(async ({ ctx, input }) => {
    const { settings } = await loadPortalSettings(ctx.em, ctx.shopId);
    const { refund, orderNumber } = await refundFulfilledOrder(
      { em: ctx.em, ...ctx.deps.portalCore },
      {
        shopId: ctx.shopId, customerId: ctx.customerId, orderId: input.id,
        expectedAmountCents: input.expected_amount_cents, policy: settings.refunds, now: new Date(),
      },
    );
    return orderRefundView(refund, orderNumber);
  });
