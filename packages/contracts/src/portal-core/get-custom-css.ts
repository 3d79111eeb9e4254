import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZCustomCss } from './css-schemas.js';

export const getCustomCssMeta = route({
  method: 'GET', path: '/subscriptions/cp/api/subscription-custom-csses/{id}', auth: 'storefront',
  tags: ['Portal core'], summary: 'Get the shop\'s sanitised custom portal CSS',
  description:
    '`{id}` is the shop id of the storefront access token; any other shop id answers 404. The answer carries an ' +
    '`ETag` header (the `etag` field) and `Cache-Control: no-cache`; a request with a matching `If-None-Match` ' +
    'header answers 304 with no body. Only CSS that survived the sanitiser is ever served.',
  errors: [304, 404],
});
export const ZGetCustomCssInput = ZIdInput;
export const ZGetCustomCssOutput = ZCustomCss;
