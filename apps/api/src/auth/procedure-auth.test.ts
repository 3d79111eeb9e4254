import { expect, test } from 'vitest';
import { AUTH_KINDS, route, type RouteMeta } from '@cartly/contracts';
import { appRouter } from '../router.js';
import { procedure, router } from '../trpc.js';
import { authenticators } from './authenticators.js';

type ProcedureDef = { _def: { meta?: RouteMeta; middlewares: { authKind?: string }[] } };

/** The credential kind a procedure's middleware enforces, against the one its contract documents. */
function mismatches(procedures: Record<string, unknown>): string[] {
  return Object.entries(procedures).flatMap(([key, p]) => {
    const { meta, middlewares } = (p as ProcedureDef)._def;
    const enforced = middlewares.map((m) => m.authKind).filter((k) => k !== undefined);
    return enforced.length === 1 && meta?.auth === enforced[0] ? [] : [`${key}: documents ${meta?.auth}, enforces ${enforced.join('+') || 'nothing'}`];
  });
}

test('every procedure enforces exactly the credential its contract documents', () => {
  expect(Object.keys(appRouter._def.procedures).length).toBeGreaterThan(30);
  expect(mismatches(appRouter._def.procedures)).toEqual([]);
});

test('every documented credential kind has an authenticator, and no other exists', () => {
  expect(Object.keys(authenticators).sort()).toEqual(Object.keys(AUTH_KINDS).sort());
});

test('a procedure whose meta is overridden to another credential is caught, and refuses to run', async () => {
  const adminMeta = route({ method: 'GET', path: '/x', auth: 'admin', tags: ['X'], summary: 'x' });
  const publicMeta = route({ method: 'GET', path: '/x', auth: 'public', tags: ['X'], summary: 'x' });
  const sneaky = procedure(adminMeta).meta(publicMeta).query(() => 'secret');
  expect(mismatches({ sneaky })).toEqual(['sneaky: documents public, enforces admin']);
  const caller = router({ sneaky }).createCaller({} as never);
  await expect(caller.sneaky()).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
});
