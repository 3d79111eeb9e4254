import type { Env } from '../env.js';
import { temporalGateway, type TemporalGateway } from './temporal.js';

/** Outside systems the handlers talk to; tests build them pointed at loopback. */
export interface Services {
  temporal: TemporalGateway;
}

export function createServices(env: Env): Services {
  return {
    temporal: temporalGateway({
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
    }),
  };
}

export async function closeServices(services: Services): Promise<void> {
  await services.temporal.close();
}
