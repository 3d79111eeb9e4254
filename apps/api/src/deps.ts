import type { MikroORM } from '@cartly/db';
import type { Adapters } from './adapters/adapters.js';
import type { Env } from './env.js';
import { appSessionsDeps, type AppSessionsDeps } from './app-sessions/deps.js';
import { passwordlessDeps, type PasswordlessDeps } from './passwordless/deps.js';
import { portalCoreDeps, type PortalCoreDeps } from './portal-core/deps.js';
import { returnsDeps, type ReturnsDeps } from './returns/deps.js';
import { extensionsDeps, type ExtensionsDeps } from './extensions/deps.js';
import { ssoDeps, type SsoDeps } from './sso/deps.js';

/** Each domain's narrow dependencies, composed once where the app starts. */
export interface DomainDeps {
  passwordless: PasswordlessDeps;
  returns: ReturnsDeps;
  appSessions: AppSessionsDeps;
  portalCore: PortalCoreDeps;
  extensions: ExtensionsDeps;
  sso: SsoDeps;
}

/** `orm` is for what lives in our own database rather than behind an adapter (the ledger payment provider). */
export function domainDeps(adapters: Adapters, env: Env, orm: MikroORM): DomainDeps {
  return {
    passwordless: passwordlessDeps(adapters, env),
    returns: returnsDeps(adapters),
    appSessions: appSessionsDeps(adapters),
    portalCore: portalCoreDeps(adapters, env, orm),
    extensions: extensionsDeps(adapters, env),
    sso: ssoDeps(adapters, env),
  };
}
