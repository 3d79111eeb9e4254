import { z } from 'zod';
import { route } from '../common/route.js';
import { ZAppBlock, ZBlockSlug } from './schemas.js';

export const getBlockMeta = route({
  method: 'GET', path: '/apps/api/blocks/{slug}/portal-extensions', auth: 'app',
  tags: ['Extensions'], summary: 'One of the calling app\'s portal blocks, with its last render error',
  description: 'Another app\'s block with the same slug is a different block: this answers 404 until the caller registers its own.',
  errors: [404],
});
export const ZGetBlockInput = z.strictObject({ slug: ZBlockSlug });
export const ZGetBlockOutput = ZAppBlock;
