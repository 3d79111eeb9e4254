import type { Adapters } from '../adapters/adapters.js';
import type { TemporalGateway } from '../adapters/temporal.js';

/** Returns start and signal their workflow through Temporal. */
export interface ReturnsDeps {
  temporal: TemporalGateway;
}

export function returnsDeps(adapters: Adapters): ReturnsDeps {
  return { temporal: adapters.temporal };
}
