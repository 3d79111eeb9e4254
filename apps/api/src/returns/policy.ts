import type { ShopSettings } from '@cartly/db';

const DEFAULT_RETURN_WINDOW_DAYS = 30;
const DEFAULT_RETURN_DECISION_HOURS = 24 * 14;

export interface ReturnPolicy {
  /** Days after a line's fulfilment during which it may be returned. */
  windowDays: number;
  /** How long a request waits for the merchant before it expires. */
  decisionSeconds: number;
}

const positive = (n: unknown): number | undefined => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined);

/** The shop's return settings with defaults; a nonsensical stored value falls back to the default. */
export function returnPolicy(settings: ShopSettings): ReturnPolicy {
  const decisionSeconds =
    positive(settings.returnDecisionSeconds) ?? (positive(settings.returnDecisionHours) ?? DEFAULT_RETURN_DECISION_HOURS) * 3600;
  return {
    windowDays: positive(settings.returnWindowDays) ?? DEFAULT_RETURN_WINDOW_DAYS,
    decisionSeconds: Math.max(1, Math.ceil(decisionSeconds)),
  };
}
