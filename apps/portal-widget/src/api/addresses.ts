import type { RouterInputs, RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

export type Address = RouterOutputs['account']['addresses']['list']['items'][number];
export type NewAddress = RouterInputs['account']['addresses']['create'];
export type AddressChanges = Omit<RouterInputs['account']['addresses']['update'], 'id'>;

export const listAddresses = (api: Api) => api.account.addresses.list.query({ limit: 100 });
export const createAddress = (api: Api, address: NewAddress): Promise<Address> => api.account.addresses.create.mutate(address);
export const updateAddress = (api: Api, id: string, changes: AddressChanges): Promise<Address> => api.account.addresses.update.mutate({ id, ...changes });
export const deleteAddress = (api: Api, id: string) => api.account.addresses.delete.mutate({ id });
