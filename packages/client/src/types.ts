import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
// Types only: no server code reaches any bundle that imports this package (STYLE 7).
import type { AppRouter } from '@cartly/api/router';

export type { AppRouter };

/** Input of every procedure, e.g. `RouterInputs['returns']['createReturn']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Output of every procedure, e.g. `RouterOutputs['account']['orders']['get']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
