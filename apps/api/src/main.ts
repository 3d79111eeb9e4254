import { loadEnv } from './env.js';
import { startApi } from './app.js';

const env = loadEnv();
const api = await startApi(env);
console.log(`[api] listening on ${api.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void api.close().then(() => process.exit(0));
  });
}
