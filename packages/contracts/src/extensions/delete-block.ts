import { z } from 'zod';
import { route } from '../common/route.js';
import { ZOk } from '../common/schemas.js';
import { ZBlockSlug } from './schemas.js';

export const deleteBlockMeta = route({
  method: 'DELETE', path: '/apps/api/blocks/{slug}/portal-extensions', auth: 'app',
  tags: ['Extensions'], summary: 'Remove one of the calling app\'s portal blocks, with its versions and render errors',
  errors: [404],
});
export const ZDeleteBlockInput = z.strictObject({ slug: ZBlockSlug });
export const ZDeleteBlockOutput = ZOk;
