// The real API as production runs it (NODE_ENV, pool size, Temporal and SMTP come from the parent's env).
import { loadEnv } from '@cartly/api/env';
import { startApi } from '@cartly/api/app';
import { serveUntilStopped } from './serve.js';
import { throwawaySecrets } from './secrets.js';
import { apiEnvSource } from './env.js';

// Secrets the parent shares between replicas win; a lone API makes its own.
const api = await startApi(loadEnv(apiEnvSource(throwawaySecrets()), { HOST: '127.0.0.1', PORT: 0 }));
serveUntilStopped(api.url, () => api.close());
