// `npm run build|typecheck|lint`: turbo with its telemetry off (it calls home otherwise).
import { ensureDependencies } from './lib/bootstrap.mjs';
import { root } from './lib/run.mjs';

ensureDependencies(root);
const { run, turboBin } = await import('./lib/run.mjs');
process.exitCode = await run(turboBin, process.argv.slice(2), { env: { TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' } });
