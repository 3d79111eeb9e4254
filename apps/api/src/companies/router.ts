import { router } from '../trpc.js';
import { adminListCompanies } from './admin-list-companies.js';
import { adminCreateCompany } from './admin-create-company.js';
import { adminGetCompany } from './admin-get-company.js';
import { adminUpdateCompany } from './admin-update-company.js';
import { adminDeleteCompany } from './admin-delete-company.js';
import { adminListLocations } from './admin-list-locations.js';
import { adminCreateLocation } from './admin-create-location.js';
import { adminUpdateLocation } from './admin-update-location.js';
import { adminDeleteLocation } from './admin-delete-location.js';
import { adminListMembers } from './admin-list-members.js';
import { adminCreateMember } from './admin-create-member.js';
import { adminUpdateMember } from './admin-update-member.js';
import { adminDeleteMember } from './admin-delete-member.js';
import { getCompany } from './get-company.js';
import { listMembers } from './list-members.js';
import { listLocations } from './list-locations.js';
import { createMember } from './create-member.js';
import { updateMember } from './update-member.js';
import { deleteMember } from './delete-member.js';
import { reorder } from './reorder.js';

export const companiesRouter = router({
  adminList: adminListCompanies,
  adminCreate: adminCreateCompany,
  adminGet: adminGetCompany,
  adminUpdate: adminUpdateCompany,
  adminDelete: adminDeleteCompany,
  get: getCompany,
  reorder,
  locations: router({
    adminList: adminListLocations,
    adminCreate: adminCreateLocation,
    adminUpdate: adminUpdateLocation,
    adminDelete: adminDeleteLocation,
    list: listLocations,
  }),
  members: router({
    adminList: adminListMembers,
    adminCreate: adminCreateMember,
    adminUpdate: adminUpdateMember,
    adminDelete: adminDeleteMember,
    list: listMembers,
    create: createMember,
    update: updateMember,
    delete: deleteMember,
  }),
});
