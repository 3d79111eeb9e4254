import type { RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

export type OrderSummary = RouterOutputs['customer']['listOrders']['items'][number];
export type Order = RouterOutputs['customer']['getOrder'];
export type OrderLine = Order['lines'][number];

export const listOrders = (api: Api, cursor?: string, limit = 20) => api.customer.listOrders.query({ limit, ...(cursor ? { cursor } : {}) });
export const getOrder = (api: Api, id: string): Promise<Order> => api.customer.getOrder.query({ id });
