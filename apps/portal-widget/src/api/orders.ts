import type { RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

export type OrderSummary = RouterOutputs['account']['orders']['list']['items'][number];
export type Order = RouterOutputs['account']['orders']['get'];
export type OrderLine = Order['lines'][number];

export const listOrders = (api: Api, cursor?: string, limit = 20) => api.account.orders.list.query({ limit, ...(cursor ? { cursor } : {}) });
export const getOrder = (api: Api, id: string): Promise<Order> => api.account.orders.get.query({ id });
