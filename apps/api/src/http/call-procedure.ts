import { TRPCError } from '@trpc/server';
import { getTRPCErrorFromUnknown, middlewareMarker } from '@trpc/server/unstable-core-do-not-import';

/*
 * Calls a tRPC procedure's own middleware chain (error formatter, our
 * credential middleware, input validator, output validator, resolver) exactly
 * as tRPC's `callRecursive` does, but builds each step's options as object
 * literals: tRPC's build copies them with a transpiled spread helper
 * (`_objectSpread2`: Object.keys plus a defineProperty per key), twice per
 * step, which was the REST face's largest cost after the sockets
 * (bench/README.md). The middlewares, their order and their results are
 * tRPC's; call-procedure.test.ts holds this against tRPC's own caller.
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
type Middleware = (opts: Step & { meta: unknown; next(opts?: NextOptions): Promise<StepResult> }) => Promise<StepResult>;

export interface ChainedProcedure {
  _def: { middlewares: readonly unknown[]; meta?: unknown };
}

async function step(middlewares: readonly Middleware[], index: number, meta: unknown, o: Step): Promise<StepResult> {
  try {
    return await middlewares[index]!({
      ctx: o.ctx,
      path: o.path,
      type: o.type,
      getRawInput: o.getRawInput,
      signal: o.signal,
      batchIndex: o.batchIndex,
      input: o.input,
      meta,
      next(n?: NextOptions) {
        return step(middlewares, index + 1, meta, {
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
  } catch (cause) {
    return { ok: false, error: getTRPCErrorFromUnknown(cause), marker: middlewareMarker } as StepResult;
  }
}

/** The procedure's answer, or its error thrown (a TRPCError), as `procedure(opts)` would. */
export async function callProcedure(procedure: ChainedProcedure, call: ProcedureCall): Promise<unknown> {
  const { middlewares, meta } = procedure._def;
  const result = await step(middlewares as readonly Middleware[], 0, meta, { ...call, input: undefined });
  if (!result) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'No result from middlewares - did you forget to `return next()`?' });
  if (!result.ok) throw result.error;
  return result.data;
}
