import { z } from 'zod';

/** Portal extension points (issue #10): render limits of the Liquid blocks of a slot. */
export const extensionsEnvShape = {
  /** Time all Liquid blocks of one slot may take together per query; blocks past it come back empty. */
  EXTENSIONS_RENDER_BUDGET_MS: z.coerce.number().int().min(10).max(5_000).default(250),
  /** Time one Liquid block may take; a block that needs more becomes inert (empty) until its next version. */
  EXTENSIONS_BLOCK_RENDER_MS: z.coerce.number().int().min(5).max(5_000).default(50),
};
