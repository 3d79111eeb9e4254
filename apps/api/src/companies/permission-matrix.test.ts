import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RouteMeta } from '@cartly/contracts';
import { B2B_ACTIONS, COMPANY_ROLE_VALUES, type B2BAction } from '@cartly/contracts/companies';
import type { CompanyRole } from '@cartly/db';
import { appRouter } from '../router.js';
import { PERMISSIONS } from './permissions.js';
import { createLoggedInCustomer, createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { companiesSnapshot, createCompany, createLocation, createMember, orderOf, type Member } from '../../test/companies.js';

/*
 * The whole role × endpoint matrix, generated from the permission table:
 * every persona calls every company procedure, and the expected status
 * (200 / 403 / 404) is derived from PERMISSIONS and the persona's place. A
 * denial must change nothing. A company procedure without a case here, or an
 * action no procedure uses, fails the first test.
 */

let t: TestApi;
let shop: TestShop;
let otherShop: TestShop;
let companyA: string;
let l1: string;
let l2: string;
let sourceOrder: string;

interface Persona {
  name: string;
  cat: string;
  role: CompanyRole | null;
  /** 'A' is the company under test; 'B' another company of the shop; 'C' a company of another shop. */
  company: 'A' | 'B' | 'C' | null;
  /** The locations of A the persona is limited to, if limited. */
  limitedTo?: string[];
}
const personas: Persona[] = [];
/** Known at collection time (test.each needs them before beforeAll builds the personas). */
const PERSONA_NAMES = [
  'company admin', 'buyer', 'viewer', 'buyer limited to another location', 'customer in no company',
  'admin of another company', 'admin of a company of another shop',
];

interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

interface Case {
  /**
   * `own`: acts on the caller's own company (any member reaches it);
   * `companyA`: an object of company A (404 from anyone else);
   * `locationL1`: an order for location L1 of A (404 also for members limited to other locations).
   */
  scope: 'own' | 'companyA' | 'locationL1';
  /** Builds the request, creating a fresh target where the call consumes one. */
  request(): Promise<Request>;
  /** What a 200 must show for this persona. */
  verify?(p: Persona, body: any): void;
}

const CASES: Record<string, Case> = {
  'companies.get': {
    scope: 'own',
    request: async () => ({ method: 'GET', path: '/customer/company' }),
    verify: (p, body) => {
      expect(body.membership.role).toBe(p.role);
      expect(body.permissions).toEqual(B2B_ACTIONS.filter((a) => PERMISSIONS[p.role!][a]));
      if (p.company === 'A') expect(body.company.id).toBe(companyA);
      else expect(body.company.id).not.toBe(companyA);
    },
  },
  'companies.members.list': {
    scope: 'own',
    request: async () => ({ method: 'GET', path: '/customer/company/members?limit=100' }),
    verify: (p, body) => {
      for (const m of body.items) expect(m.company_id === companyA).toBe(p.company === 'A');
    },
  },
  'companies.locations.list': {
    scope: 'own',
    request: async () => ({ method: 'GET', path: '/customer/company/locations' }),
    verify: (p, body) => {
      const ids = body.items.map((l: { id: string }) => l.id);
      if (p.company !== 'A') expect(ids).not.toContain(l1);
      else expect(ids.sort()).toEqual((p.limitedTo ?? [l1, l2]).sort());
    },
  },
  'companies.members.create': {
    scope: 'own',
    request: async () => ({ method: 'POST', path: '/customer/company/members', body: { email: `new-${Math.random().toString(36).slice(2)}@b2b.example.com`, role: 'viewer' } }),
    verify: (p, body) => expect(body.company_id === companyA).toBe(p.company === 'A'),
  },
  'companies.members.update': {
    scope: 'companyA',
    request: async () => {
      const target = await createMember(t, shop, companyA, 'viewer');
      return { method: 'PUT', path: `/customer/company/members/${target.membershipId}`, body: { role: 'buyer' } };
    },
    verify: (_p, body) => expect(body.role).toBe('buyer'),
  },
  'companies.members.delete': {
    scope: 'companyA',
    request: async () => {
      const target = await createMember(t, shop, companyA, 'viewer');
      return { method: 'DELETE', path: `/customer/company/members/${target.membershipId}` };
    },
  },
  'companies.reorder': {
    scope: 'locationL1',
    request: async () => ({ method: 'POST', path: `/customer/orders/${sourceOrder}/reorder`, body: { location_id: l1 } }),
    verify: (_p, body) => expect(body.location.id).toBe(l1),
  },
};

function expectedStatus(p: Persona, action: B2BAction, scope: Case['scope']): number {
  if (p.role === null || !PERMISSIONS[p.role][action]) return 403;
  if (scope === 'companyA' && p.company !== 'A') return 404;
  if (scope === 'locationL1' && (p.company !== 'A' || (p.limitedTo && !p.limitedTo.includes(l1)))) return 404;
  return 200;
}

/** Every procedure of the API whose meta names a B2B action, with its action. */
function b2bProcedures(): Map<string, B2BAction> {
  const found = new Map<string, B2BAction>();
  for (const [key, procedure] of Object.entries(appRouter._def.procedures)) {
    const meta = (procedure as unknown as { _def: { meta?: RouteMeta } })._def.meta;
    if (meta?.b2b) found.set(key, meta.b2b);
  }
  return found;
}

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t);
  otherShop = await createShop(t, 'Other shop');
  companyA = (await createCompany(t, shop, 'Company A')).id;
  l1 = (await createLocation(t, shop, companyA, { name: 'L1', budget: 1_000_000_000 })).id;
  l2 = (await createLocation(t, shop, companyA, { name: 'L2', budget: 1_000_000_000 })).id;
  const companyB = (await createCompany(t, shop, 'Company B')).id;
  await createLocation(t, shop, companyB, { name: 'B1' });
  const companyC = (await createCompany(t, otherShop, 'Company C')).id;
  await createLocation(t, otherShop, companyC, { name: 'C1' });

  const admin = await createMember(t, shop, companyA, 'admin');
  const buyer = await createMember(t, shop, companyA, 'buyer');
  const viewer = await createMember(t, shop, companyA, 'viewer');
  const limited = await createMember(t, shop, companyA, 'buyer', [l2]);
  const outsider = await createLoggedInCustomer(t, shop, 'outsider@example.com');
  const adminB: Member = await createMember(t, shop, companyB, 'admin');
  const adminC: Member = await createMember(t, otherShop, companyC, 'admin');
  personas.push(
    { name: 'company admin', cat: admin.cat, role: 'admin', company: 'A' },
    { name: 'buyer', cat: buyer.cat, role: 'buyer', company: 'A' },
    { name: 'viewer', cat: viewer.cat, role: 'viewer', company: 'A' },
    { name: 'buyer limited to another location', cat: limited.cat, role: 'buyer', company: 'A', limitedTo: [l2] },
    { name: 'customer in no company', cat: outsider.cat, role: null, company: null },
    { name: 'admin of another company', cat: adminB.cat, role: 'admin', company: 'B' },
    { name: 'admin of a company of another shop', cat: adminC.cat, role: 'admin', company: 'C' },
  );
  sourceOrder = (await orderOf(t, shop, buyer.customerId, 1500, 2)).id;
});
afterAll(() => t.close());

test('every company procedure has a case, every action is used, and every role has a decision for each', () => {
  const procedures = b2bProcedures();
  expect([...procedures.keys()].sort()).toEqual(Object.keys(CASES).sort());
  expect(new Set(procedures.values())).toEqual(new Set(B2B_ACTIONS));
  for (const role of COMPANY_ROLE_VALUES) expect(Object.keys(PERMISSIONS[role]).sort()).toEqual([...B2B_ACTIONS].sort());
  // Every procedure behind /customer/company or reorder is a company procedure.
  for (const [key, procedure] of Object.entries(appRouter._def.procedures)) {
    const path = (procedure as unknown as { _def: { meta?: RouteMeta } })._def.meta?.openapi?.path ?? '';
    if (path.startsWith('/customer/company') || path.endsWith('/reorder')) expect(procedures.has(key), key).toBe(true);
    // A `b2b` action is enforced only by the company_member credential, and that credential needs one.
    const meta = (procedure as unknown as { _def: { meta?: RouteMeta } })._def.meta;
    expect(meta?.auth === 'company_member', key).toBe(procedures.has(key));
  }
});

describe.each(Object.entries(CASES))('%s', (key, c) => {
  const action = () => b2bProcedures().get(key)!;
  test.each(PERSONA_NAMES)('%s', async (name) => {
    const p = personas.find((x) => x.name === name)!;
    const expected = expectedStatus(p, action(), c.scope);
    const req = await c.request();
    const before = expected === 200 ? undefined : await companiesSnapshot(t);
    const res = await rest(t, req.method, req.path, { bearer: p.cat, ...(req.body !== undefined ? { body: req.body } : {}) });
    expect(res.status, `${req.method} ${req.path} as ${name}: ${JSON.stringify(res.body)}`).toBe(expected);
    if (expected === 200) c.verify?.(p, res.body);
    else expect(await companiesSnapshot(t), 'a denied call changed data').toBe(before);
  });
});

test('no credential, a revoked-looking or foreign credential: 401 on every company route', async () => {
  for (const c of Object.values(CASES)) {
    const req = await c.request();
    for (const bearer of [undefined, 'cat_not-a-real-token', shop.adminToken]) {
      const res = await rest(t, req.method, req.path, { ...(bearer ? { bearer } : {}), ...(req.body !== undefined ? { body: req.body } : {}) });
      expect(res.status, `${req.method} ${req.path} with ${bearer ?? 'nothing'}`).toBe(401);
    }
  }
});
