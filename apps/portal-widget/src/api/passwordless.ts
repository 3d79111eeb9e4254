import type { RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

/*
 * Login screen → API. One function per call, one procedure path on each line
 * (domain → sub-resource → verb, as the API router names them).
 */
export type Channel = 'email' | 'sms';
export type LoginResult = RouterOutputs['passwordless']['otp']['verify'];

export const requestCode = (api: Api, identifier: string, channel: Channel) => api.passwordless.otp.request.mutate({ identifier, channel });

export const verifyCode = (api: Api, identifier: string, code: string): Promise<LoginResult> => api.passwordless.otp.verify.mutate({ identifier, code });

export const requestMagicLink = (api: Api, email: string, redirectUrl: string | undefined) =>
  api.passwordless.magicLink.request.mutate({ email, ...(redirectUrl ? { redirect_url: redirectUrl } : {}) });
