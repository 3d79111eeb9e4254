import { workspaceConfig } from '../../vitest.shared.mjs';

export default workspaceConfig({ services: true });
