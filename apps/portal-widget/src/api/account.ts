import type { Api } from './client.js';

/** Revokes the customer's token on the server (the widget forgets it either way). */
export const logout = (api: Api) => api.passwordless.logout.mutate();
