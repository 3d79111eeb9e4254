// Shared vitest globalSetup: `npm test` starts PostgreSQL and Temporal once and exports their addresses;
// running vitest directly starts them here instead.
import { fileURLToPath } from 'node:url';

export default async function setup() {
  if (process.env.DATABASE_URL && process.env.TEMPORAL_ADDRESS) return;
  const root = fileURLToPath(new URL('../../..', import.meta.url)); // repo root
  const { startServices } = (await import(`${root}/scripts/lib/services.mjs`)) as {
    startServices(o: { root: string; purpose: string }): Promise<{ databaseUrl: string; temporalAddress: string; stop(): Promise<void> }>;
  };
  const services = await startServices({ root, purpose: 'test' });
  process.env.DATABASE_URL ||= services.databaseUrl;
  process.env.TEMPORAL_ADDRESS ||= services.temporalAddress;
  return () => services.stop();
}
