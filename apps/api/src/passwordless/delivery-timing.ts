import type { LoginChannel } from '@cartly/contracts/passwordless';

/** Moving average of recent successful delivery times, per channel, per process. */
export class DeliveryTiming {
  private readonly averageMs: Record<LoginChannel, number>;

  constructor(initialMs: Record<LoginChannel, number> = { email: 40, sms: 150 }) {
    this.averageMs = { ...initialMs };
  }

  record(channel: LoginChannel, ms: number): void {
    // Clamp so one pathological delivery does not make decoys very slow.
    const sample = Math.min(Math.max(ms, 0), 5_000);
    this.averageMs[channel] = this.averageMs[channel] * 0.8 + sample * 0.2;
  }

  expected(channel: LoginChannel): number {
    return this.averageMs[channel];
  }
}
