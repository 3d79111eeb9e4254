import type { RouterInputs, RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

export type Profile = RouterOutputs['account']['profile']['get'];
export type ProfileChanges = RouterInputs['account']['profile']['update'];

export const getProfile = (api: Api): Promise<Profile> => api.account.profile.get.query();
export const updateProfile = (api: Api, changes: ProfileChanges): Promise<Profile> => api.account.profile.update.mutate(changes);
