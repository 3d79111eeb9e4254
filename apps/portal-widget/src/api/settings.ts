import type { RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

/* The shop's portal look and switches → API (`portalCore.settings.get`, `portalCore.css.get`; SAT, `id` = the SAT's shop). */
export type PortalSettings = RouterOutputs['portalCore']['settings']['get']['settings'];
export type CustomCss = RouterOutputs['portalCore']['css']['get'];

export const getPortalSettings = (api: Api, shopId: string) => api.portalCore.settings.get.query({ id: shopId });
export const getCustomCss = (api: Api, shopId: string): Promise<CustomCss> => api.portalCore.css.get.query({ id: shopId });
