import type { RouterInputs, RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

/* Extension slots → API (`extensions.portal.list`, SAT with the CAT when logged in). */
export type SlotQuery = RouterInputs['extensions']['portal']['list'];
export type Slot = SlotQuery['point'];
export type PortalBlock = RouterOutputs['extensions']['portal']['list']['items'][number];

export const listSlotBlocks = (api: Api, query: SlotQuery) => api.extensions.portal.list.query(query);
