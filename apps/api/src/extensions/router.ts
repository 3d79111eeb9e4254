import { router } from '../trpc.js';
import { upsertBlock } from './upsert-block.js';
import { getBlock } from './get-block.js';
import { deleteBlock } from './delete-block.js';
import { listPortalBlocks } from './list-portal-blocks.js';
import { adminListBlocks } from './admin-list-blocks.js';
import { adminUpdateBlock } from './admin-update-block.js';
import { adminDeleteBlock } from './admin-delete-block.js';
import { adminListApps } from './admin-list-apps.js';
import { adminUpdateApp } from './admin-update-app.js';

export const extensionsRouter = router({
  blocks: router({
    upsert: upsertBlock,
    get: getBlock,
    delete: deleteBlock,
    adminList: adminListBlocks,
    adminUpdate: adminUpdateBlock,
    adminDelete: adminDeleteBlock,
  }),
  portal: router({ list: listPortalBlocks }),
  apps: router({ adminList: adminListApps, adminUpdate: adminUpdateApp }),
});
