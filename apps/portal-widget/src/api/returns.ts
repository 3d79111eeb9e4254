import type { RouterInputs, RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

export type ReturnRequest = RouterOutputs['returns']['listStorefront']['items'][number];
export type NewReturn = RouterInputs['returns']['create'];
export type ReturnReason = NewReturn['lines'][number]['reason'];
export type ReturnStatus = ReturnRequest['status'];

export const listReturns = (api: Api, cursor?: string) => api.returns.listStorefront.query({ limit: 50, ...(cursor ? { cursor } : {}) });
export const createReturn = (api: Api, request: NewReturn): Promise<ReturnRequest> => api.returns.create.mutate(request);
