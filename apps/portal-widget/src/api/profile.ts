import type { RouterInputs, RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

export type Profile = RouterOutputs['customer']['getProfile'];
export type ProfileChanges = RouterInputs['customer']['updateProfile'];

export const getProfile = (api: Api): Promise<Profile> => api.customer.getProfile.query();
export const updateProfile = (api: Api, changes: ProfileChanges): Promise<Profile> => api.customer.updateProfile.mutate(changes);
