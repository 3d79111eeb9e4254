import { workspaceConfig } from '../../vitest.shared.mjs';

// Browser tests against the real API, PostgreSQL, Temporal and SMTP: minutes, not seconds, on 2 cores.
export default workspaceConfig({ services: true, testTimeout: 90_000 });
