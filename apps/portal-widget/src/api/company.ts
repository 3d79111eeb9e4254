import type { RouterInputs, RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

/* Company screens (B2B members) → API (`companies.*`, CAT of a member; the role is checked by the API). */
export type Membership = RouterOutputs['companies']['get'];
export type CompanyRole = Membership['membership']['role'];
export type CompanyLocation = RouterOutputs['companies']['locations']['list']['items'][number];
export type CompanyMember = RouterOutputs['companies']['members']['list']['items'][number];
export type NewMember = RouterInputs['companies']['members']['create'];
export type Reordered = RouterOutputs['companies']['reorder'];

export const getMembership = (api: Api): Promise<Membership> => api.companies.get.query({});
export const listLocations = (api: Api) => api.companies.locations.list.query({ limit: 100 });
export const listMembers = (api: Api) => api.companies.members.list.query({ limit: 100 });
export const addMember = (api: Api, member: NewMember): Promise<CompanyMember> => api.companies.members.create.mutate(member);
export const changeRole = (api: Api, id: string, role: CompanyRole): Promise<CompanyMember> => api.companies.members.update.mutate({ id, role });
export const removeMember = (api: Api, id: string) => api.companies.members.delete.mutate({ id });
export const reorder = (api: Api, orderId: string, locationId: string): Promise<Reordered> => api.companies.reorder.mutate({ id: orderId, location_id: locationId });
