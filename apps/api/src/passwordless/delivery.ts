import type { LoginChannel } from '@cartly/contracts/passwordless';
import type { MailMessage } from '@cartly/mail';
import { AppError } from '../errors.js';
import type { PasswordlessDeps } from './deps.js';
import type { DeliveryTiming } from './delivery-timing.js';

/*
 * Sending login messages, and making "nothing to send" take as long as
 * sending. A request for an identifier that may not sign up sends nothing
 * (a code that can never work would only be spam), so it waits about as long
 * as recent real deliveries on that channel took: the answer then reveals
 * neither by its content nor, roughly, by its timing whether the identifier
 * belongs to a customer.
 */

async function timed(timing: DeliveryTiming, channel: LoginChannel, send: () => Promise<void>): Promise<void> {
  const started = performance.now();
  try {
    await send();
  } catch (e) {
    // Clear to the client, no internals; the cause is logged by the transport's error hook.
    throw new AppError('INTERNAL', `${channel === 'email' ? 'email' : 'SMS'} delivery failed; any earlier code or link stays valid, try again shortly`, { cause: e });
  }
  timing.record(channel, performance.now() - started);
}

export function deliverEmail(services: Pick<PasswordlessDeps, 'deliveryTiming' | 'mailer'>, message: MailMessage): Promise<void> {
  return timed(services.deliveryTiming, 'email', () => services.mailer.send(message));
}

export function deliverSms(services: Pick<PasswordlessDeps, 'deliveryTiming' | 'sms'>, to: string, body: string): Promise<void> {
  return timed(services.deliveryTiming, 'sms', () => services.sms.send({ to, body }));
}

/** Waits about as long as a delivery on the channel takes (±20 % jitter). */
export async function waitLikeDelivery(services: Pick<PasswordlessDeps, 'deliveryTiming'>, channel: LoginChannel): Promise<void> {
  const ms = services.deliveryTiming.expected(channel) * (0.8 + Math.random() * 0.4);
  await new Promise((resolve) => setTimeout(resolve, ms));
}
