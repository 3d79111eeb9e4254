import { TRPCError } from '@trpc/server';
import { getParseFn, getTRPCErrorFromUnknown, isObject, middlewareMarker } from '@trpc/server/unstable-core-do-not-import';

/*
 * Calls a tRPC procedure's middleware chain (our credential middleware, input
 * validators, output validator, resolver) exactly as tRPC's `callRecursive`
 * does, but cheaper per request: each step's options are object literals
 * (tRPC's build copies them with a transpiled spread helper, twice per step),
 * and tRPC's own steps (validate the input, validate the output, call the
 * resolver) run inline here with the procedure's own parsers, with no options
 * object, `next` closure or result copy of their own. Their rules and errors
 * are tRPC's; call-procedure.test.ts holds this against tRPC's own caller
 * (bench/README.md has the profile).
 */

export interface ProcedureCall {
  ctx: object;
  path: string;
  type: string;
  getRawInput: () => Promise<unknown>;
  signal: AbortSignal | undefined;
  batchIndex: number;
}

interface Step extends ProcedureCall {
  input: unknown;
}

interface NextOptions {
  ctx?: object;
  input?: unknown;
  getRawInput?: () => Promise<unknown>;
}

type StepResult = { ok: true; data: unknown } | { ok: false; error: Error };
type Middleware = ((opts: Step & { meta: unknown; next(opts?: NextOptions): Promise<StepResult> }) => Promise<StepResult>) & { _type?: string };
type ParseFn = (value: unknown) => unknown;
type Resolver = (opts: Step & { meta: unknown }) => unknown;

export interface ChainedProcedure {
  _def: { middlewares: readonly unknown[]; meta?: unknown; inputs?: readonly unknown[]; output?: unknown; resolver?: unknown };
}

/** What each middleware index does: one of tRPC's own steps (run inline) or a middleware to call. */
type Plan = readonly ({ kind: 'input' | 'output'; parse: ParseFn } | { kind: 'resolve'; resolver: Resolver } | { kind: 'use'; middleware: Middleware })[];

const plans = new WeakMap<object, Plan>();

/** The plan of a procedure, built once; a chain this does not recognise runs every middleware as tRPC's own. */
function planOf(def: ChainedProcedure['_def']): Plan {
  let plan = plans.get(def);
  if (plan) return plan;
  const middlewares = def.middlewares as readonly Middleware[];
  const inputs = def.inputs ?? [];
  const inputSteps = middlewares.filter((m) => m._type === 'input').length;
  const outputSteps = middlewares.filter((m) => m._type === 'output').length;
  const last = middlewares.at(-1);
  const inline = inputSteps === inputs.length && outputSteps <= 1 && (outputSteps === 0 || def.output !== undefined)
    && typeof def.resolver === 'function' && last?.name === 'resolveMiddleware';
  let nextInput = 0;
  plan = middlewares.map((middleware, i) => {
    if (!inline) return { kind: 'use' as const, middleware };
    if (middleware._type === 'input') return { kind: 'input' as const, parse: getParseFn(inputs[nextInput++] as never) as ParseFn };
    if (middleware._type === 'output') return { kind: 'output' as const, parse: getParseFn(def.output as never) as ParseFn };
    if (i === middlewares.length - 1) return { kind: 'resolve' as const, resolver: def.resolver as Resolver };
    return { kind: 'use' as const, middleware };
  });
  plans.set(def, plan);
  return plan;
}

/** Whether tRPC's own steps of this procedure run inline (false: every middleware is called as tRPC's). */
export function runsInline(procedure: ChainedProcedure): boolean {
  return planOf(procedure._def).some((step) => step.kind !== 'use');
}

async function run(plan: Plan, index: number, meta: unknown, o: Step): Promise<StepResult> {
  const here = plan[index]!;
  switch (here.kind) {
    case 'input': {
      let parsed: unknown;
      const raw = await o.getRawInput();
      try {
        parsed = here.parse(raw); // zod's parse is synchronous: awaiting only a promise saves a turn
        if (parsed instanceof Promise) parsed = await parsed;
      } catch (cause) {
        throw new TRPCError({ code: 'BAD_REQUEST', cause });
      }
      return next(plan, index, meta, o, isObject(o.input) && isObject(parsed) ? { ...o.input, ...parsed } : parsed);
    }
    case 'output': {
      const result = await next(plan, index, meta, o, o.input);
      if (!result.ok) return result;
      try {
        const data = here.parse(result.data);
        return { ...result, data: data instanceof Promise ? await data : data };
      } catch (cause) {
        throw new TRPCError({ message: 'Output validation failed', code: 'INTERNAL_SERVER_ERROR', cause });
      }
    }
    case 'resolve': {
      const data = await here.resolver({ ...o, meta });
      return { marker: middlewareMarker, ok: true, data, ctx: o.ctx } as StepResult;
    }
    case 'use':
      return here.middleware({
        ctx: o.ctx,
        path: o.path,
        type: o.type,
        getRawInput: o.getRawInput,
        signal: o.signal,
        batchIndex: o.batchIndex,
        input: o.input,
        meta,
        next(n?: NextOptions) {
          return step(plan, index + 1, meta, {
            ctx: n?.ctx ? { ...o.ctx, ...n.ctx } : o.ctx,
            path: o.path,
            type: o.type,
            getRawInput: n?.getRawInput ?? o.getRawInput,
            signal: o.signal,
            batchIndex: o.batchIndex,
            input: n && 'input' in n ? n.input : o.input,
          });
        },
      });
  }
}

/** The step after `index` with `input`, everything else of `o` unchanged. */
function next(plan: Plan, index: number, meta: unknown, o: Step, input: unknown): Promise<StepResult> {
  return step(plan, index + 1, meta, input === o.input ? o : { ...o, input });
}

/** One step, its thrown error turned into a failed result as tRPC's callRecursive does. */
async function step(plan: Plan, index: number, meta: unknown, o: Step): Promise<StepResult> {
  try {
    return await run(plan, index, meta, o);
  } catch (cause) {
    return { ok: false, error: getTRPCErrorFromUnknown(cause), marker: middlewareMarker } as StepResult;
  }
}

/** The procedure's answer, or its error thrown (a TRPCError), as `procedure(opts)` would. */
export async function callProcedure(procedure: ChainedProcedure, call: ProcedureCall): Promise<unknown> {
  const { meta } = procedure._def;
  const result = await step(planOf(procedure._def), 0, meta, { ...call, input: undefined });
  if (!result) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'No result from middlewares - did you forget to `return next()`?' });
  if (!result.ok) throw result.error;
  return result.data;
}
