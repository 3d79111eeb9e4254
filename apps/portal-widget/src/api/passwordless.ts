import type { RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

/*
 * Login screen → API. One function per call: after the domain regroup only the
 * procedure path on each line changes (e.g. `passwordless.otp.request`).
 */
export type Channel = 'email' | 'sms';
export type LoginResult = RouterOutputs['passwordless']['verifyOtp'];

export const requestCode = (api: Api, identifier: string, channel: Channel) => api.passwordless.requestOtp.mutate({ identifier, channel });

export const verifyCode = (api: Api, identifier: string, code: string): Promise<LoginResult> => api.passwordless.verifyOtp.mutate({ identifier, code });

export const requestMagicLink = (api: Api, email: string, redirectUrl: string | undefined) =>
  api.passwordless.requestMagicLink.mutate({ email, ...(redirectUrl ? { redirect_url: redirectUrl } : {}) });
