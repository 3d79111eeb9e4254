import type { RouterOutputs } from '@cartly/client';
import type { Api } from './client.js';

/* "Log in with your company" → API (`sso.*`, SAT). The IdP returns to `redirect_uri#access_token=…` or `#error=…`. */
export type SsoCompany = NonNullable<RouterOutputs['sso']['discover']['sso']>;
/** What a passwordless request answers for an email of a domain that enforces SSO: nothing was sent. */
export type SsoRequired = Extract<RouterOutputs['passwordless']['otp']['request'], { accepted: false }>['sso'];

export const discoverSso = (api: Api, email: string) => api.sso.discover.query({ email });
export const startSso = (api: Api, companyId: string, redirectUri: string) => api.sso.init.query({ company_id: companyId, redirect_uri: redirectUri });
