import { seedCustomerWithAddresses } from './seed.js';
import { EXTENSION_BLOCKS, EXTENSION_POINT, seedExtensionSlot } from './seed-extensions.js';

/*
 * What `npm run bench` can measure; `BENCH_SCENARIO` picks one, or `all`.
 * Each scenario seeds its own data, names the path both servers answer, the
 * baseline it is compared with, and what a correct answer looks like.
 */

export interface Scenario {
  name: 'addresses' | 'extensions';
  /** Path and query both servers are loaded with. */
  path: string;
  baselineEntry: string;
  baselineLabel: string;
  /** The API's throughput target, as a share of the baseline's (printed, never asserted). */
  targetPercent: number;
  seed(databaseUrl: string): Promise<{ headers: Record<string, string>; describe: string }>;
  /** Throws unless the body is the seeded answer. */
  check(body: string): void;
}

const credentialHeaders = (sat: string, cat: string) => ({ 'x-shopify-storefront-access-token': sat, authorization: `Bearer ${cat}` });

let seededAddresses = 0;

export const SCENARIOS: Scenario[] = [
  {
    name: 'addresses',
    path: '/storefront/v1/customer/addresses',
    baselineEntry: './baseline-server.ts',
    baselineLabel: 'baseline: node:http + pg',
    targetPercent: 80,
    async seed(url) {
      const creds = await seedCustomerWithAddresses(url);
      seededAddresses = creds.addresses;
      return { headers: credentialHeaders(creds.sat, creds.cat), describe: `${creds.addresses} addresses, SAT + CAT` };
    },
    check(body) {
      const page = JSON.parse(body) as { items?: unknown[]; next_cursor?: unknown };
      if (page.items?.length !== seededAddresses || page.next_cursor !== null) throw new Error(`not the seeded page: ${body.slice(0, 300)}`);
    },
  },
  {
    name: 'extensions',
    path: `/storefront/v1/portal/extensions?point=${EXTENSION_POINT}`,
    baselineEntry: './extensions-baseline-server.ts',
    baselineLabel: 'baseline: node:http + pg, static JSON',
    targetPercent: 50,
    async seed(url) {
      const creds = await seedExtensionSlot(url);
      return { headers: credentialHeaders(creds.sat, creds.cat), describe: `a slot of ${EXTENSION_BLOCKS} Liquid blocks, SAT + CAT` };
    },
    check(body) {
      const slot = JSON.parse(body) as { items?: { html?: string }[] };
      const rendered = slot.items?.filter((b) => b.html?.includes('Welcome back Bench')).length;
      if (rendered !== EXTENSION_BLOCKS) throw new Error(`not the seeded slot (${rendered} rendered blocks): ${body.slice(0, 300)}`);
    },
  },
];
