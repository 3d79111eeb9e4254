import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZAdminSsoConfig } from './schemas.js';

export const adminGetSsoMeta = route({
  method: 'GET', path: '/admin/companies/{id}/sso', auth: 'admin', scope: 'read_companies',
  tags: ['Admin', 'Companies', 'Enterprise SSO'], summary: 'A company\'s SSO configuration (never the secret)',
  description: '404 when the company does not exist or has no SSO configuration.',
  errors: [404],
});
export const ZAdminGetSsoInput = ZIdInput;
export const ZAdminGetSsoOutput = ZAdminSsoConfig;
