import type { RouterInputs, RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

export type Address = RouterOutputs['customer']['listAddresses']['items'][number];
export type NewAddress = RouterInputs['customer']['createAddress'];
export type AddressChanges = Omit<RouterInputs['customer']['updateAddress'], 'id'>;

export const listAddresses = (api: Api) => api.customer.listAddresses.query({ limit: 100 });
export const createAddress = (api: Api, address: NewAddress): Promise<Address> => api.customer.createAddress.mutate(address);
export const updateAddress = (api: Api, id: string, changes: AddressChanges): Promise<Address> => api.customer.updateAddress.mutate({ id, ...changes });
export const deleteAddress = (api: Api, id: string) => api.customer.deleteAddress.mutate({ id });
