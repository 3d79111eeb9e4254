import { describe, expect, it } from 'vitest';
import { initTRPC, type TRPCError } from '@trpc/server';
import { z } from 'zod';
import { callProcedure, runsInline, type ChainedProcedure } from './call-procedure.js';
import { appRouter } from '../router.js';

// The REST face runs procedures through callProcedure; the typed client through tRPC's own caller.
// Both must give the same answer, the same context to the handler and the same errors.
const t = initTRPC.context<{ who: string; calls: string[] }>().create();
const procedures = {
  echo: t.procedure
    .use(async ({ ctx, next }) => {
      ctx.calls.push('auth');
      return next({ ctx: { role: `role-of-${ctx.who}` } });
    })
    .input(z.strictObject({ n: z.number().int() }))
    .output(z.strictObject({ n: z.number(), who: z.string(), role: z.string() }))
    .query(({ ctx, input }) => ({ n: input.n * 2, who: ctx.who, role: ctx.role })),
  twoInputs: t.procedure
    .input(z.object({ a: z.string() }))
    .input(z.object({ b: z.number() }))
    .query(({ input }) => ({ ...input })),
  badOutput: t.procedure.output(z.strictObject({ ok: z.boolean() })).query(() => ({ ok: 'yes' }) as unknown as { ok: boolean }),
  refused: t.procedure
    .use(() => {
      throw new RangeError('not yours');
    })
    .mutation(() => 'never'),
};
t.router(procedures);

type Outcome = { ok: true; data: unknown; calls: string[] } | { ok: false; code: string; message: string; cause: string | undefined; calls: string[] };

async function outcome(run: () => Promise<unknown>, calls: string[]): Promise<Outcome> {
  try {
    return { ok: true, data: await run(), calls };
  } catch (e) {
    const error = e as TRPCError;
    return { ok: false, code: error.code, message: error.message, cause: error.cause?.constructor.name, calls };
  }
}

async function both(name: keyof typeof procedures, type: string, input: unknown) {
  const proc = procedures[name] as unknown as ChainedProcedure & ((o: object) => Promise<unknown>);
  const opts = (calls: string[]) => ({ ctx: { who: 'ann', calls }, path: name, type, getRawInput: async () => input, signal: undefined, batchIndex: 0 });
  const ours: string[] = [];
  const theirs: string[] = [];
  return {
    ours: await outcome(() => callProcedure(proc, opts(ours)), ours),
    trpc: await outcome(() => proc(opts(theirs)), theirs),
  };
}

describe('callProcedure runs a procedure exactly as tRPC does', () => {
  it('validates the input, merges the middleware context and validates the output', async () => {
    const { ours, trpc } = await both('echo', 'query', { n: 21 });
    expect(ours).toEqual({ ok: true, data: { n: 42, who: 'ann', role: 'role-of-ann' }, calls: ['auth'] });
    expect(ours).toEqual(trpc);
  });

  it('refuses bad input as BAD_REQUEST, after the middleware before it', async () => {
    for (const input of [{ n: 1.5 }, { n: 1, extra: true }, 'n=1', undefined]) {
      const { ours, trpc } = await both('echo', 'query', input);
      expect(ours).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(ours).toEqual(trpc);
    }
  });

  it('merges the inputs of a procedure with two, each validated', async () => {
    const good = await both('twoInputs', 'query', { a: 'x', b: 1 });
    expect(good.ours).toEqual({ ok: true, data: { a: 'x', b: 1 }, calls: [] });
    expect(good.ours).toEqual(good.trpc);
    const bad = await both('twoInputs', 'query', { a: 'x', b: 'one' });
    expect(bad.ours).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(bad.ours).toEqual(bad.trpc);
  });

  it('never answers an output that breaks its contract', async () => {
    const { ours, trpc } = await both('badOutput', 'query', undefined);
    expect(ours).toMatchObject({ ok: false, code: 'INTERNAL_SERVER_ERROR', message: 'Output validation failed' });
    expect(ours).toEqual(trpc);
  });

  it('turns what a middleware throws into a TRPCError that keeps its cause (trpc.ts translates it from there)', async () => {
    const { ours, trpc } = await both('refused', 'mutation', undefined);
    expect(ours).toMatchObject({ ok: false, code: 'INTERNAL_SERVER_ERROR', message: 'not yours', cause: 'RangeError' });
    expect(ours).toEqual(trpc);
  });
});

// The cheaper path is only worth having if the app's procedures take it: a tRPC upgrade that renamed its
// steps would silently fall back to calling each as tRPC's (still correct, as the tests above hold).
it("runs tRPC's own steps inline for every procedure of the app", () => {
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ChainedProcedure>);
  expect(procedures.length).toBeGreaterThanOrEqual(100);
  expect(procedures.filter(([, p]) => !runsInline(p)).map(([path]) => path)).toEqual([]);
});
