import { workspaceConfig } from '../../vitest.shared.mjs';

// Workflow tests wait on real timers, retries and heartbeat timeouts.
export default workspaceConfig({ services: true, testTimeout: 60_000 });
