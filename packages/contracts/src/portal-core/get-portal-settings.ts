import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZPortalSettings } from './settings-schemas.js';

export const getPortalSettingsMeta = route({
  method: 'GET', path: '/subscriptions/cp/api/customer-portal-settings/{id}', auth: 'storefront',
  tags: ['Portal core'], summary: 'Get the shop\'s customer-portal settings (theme, features, limits, messaging, access)',
  description:
    '`{id}` is the shop id of the storefront access token; any other shop id answers 404. ' +
    'A shop that never saved settings gets the defaults (version 0).',
  errors: [404],
});
export const ZGetPortalSettingsInput = ZIdInput;
export const ZGetPortalSettingsOutput = ZPortalSettings;
