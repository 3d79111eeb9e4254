import { z } from 'zod';
import { route } from '../common/route.js';
import { ZLoyaltyProgram } from './loyalty-schemas.js';

export const adminGetLoyaltyProgramMeta = route({
  method: 'GET', path: '/admin/loyalty/program', auth: 'admin', scope: 'read_loyalty',
  tags: ['Admin', 'Loyalty'], summary: 'The shop\'s loyalty program: point expiry and tiers',
});
export const ZAdminGetLoyaltyProgramInput = z.void();
export const ZAdminGetLoyaltyProgramOutput = ZLoyaltyProgram;
