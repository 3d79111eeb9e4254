import { z } from 'zod';
import { route } from '../common/route.js';
import { ZAppSession } from './schemas.js';

export const verifyAppSessionMeta = route({
  method: 'POST', path: '/apps/api/customer-session/verify', auth: 'app',
  tags: ['App sessions'], summary: 'Verify an app session token (AST)',
  description:
    'Answers only for an unexpired AST issued for the calling app, whose customer access token has not been ' +
    'revoked; anything else (another app\'s AST, an expired or tampered one, any other token) answers 401.',
});
export const ZVerifyAppSessionInput = z.strictObject({
  token: z.string().min(1).max(4096).describe('The AST the app\'s front end received.'),
});
export const ZVerifyAppSessionOutput = ZAppSession;
