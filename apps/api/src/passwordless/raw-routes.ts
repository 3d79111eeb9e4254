import type { RawRoute } from '../http/raw-routes.js';
import { serveMagicLinkPage } from './magic-link-page.js';
import { MAGIC_LINK_PAGE_PATH } from './magic-link.js';

export const passwordlessRawRoutes: RawRoute[] = [
  { method: 'GET', path: MAGIC_LINK_PAGE_PATH, handle: (req, res) => serveMagicLinkPage(req, res) },
];
