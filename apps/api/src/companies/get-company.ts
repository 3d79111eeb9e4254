import { getCompanyMeta, ZGetCompanyInput, ZGetCompanyOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { findCompany } from './companies.js';
import { permissionsOf } from './permissions.js';

export const getCompany = procedure(getCompanyMeta)
  .input(ZGetCompanyInput)
  .output(ZGetCompanyOutput)
  .query(async ({ ctx }) => {
    const m = ctx.membership;
    const company = await findCompany(ctx.em, ctx.shopId, m.companyId);
    return {
      company: { id: company.id, name: company.name, external_id: company.externalId ?? null },
      membership: { id: m.membershipId, role: m.role, location_ids: m.locationIds },
      permissions: permissionsOf(m.role),
    };
  });
