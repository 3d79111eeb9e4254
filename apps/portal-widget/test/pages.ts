import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

/** Helpers the browser tests share: screenshots, the accessibility check, the widget's navigation, loopback-only traffic. */

export const SHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

export const shoot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

/** axe-core's serious and critical findings, with what failed. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(', ')}`);
}

/** A button of the widget's account navigation. */
export const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name, exact: true });

/** The page-side flag a script or handler smuggled into a block would set. */
export const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned: unknown }).__pwned);

/**
 * Nothing leaves loopback: requests to any other host are aborted, except the
 * hosts in `answer`, which are answered here with the given HTML.
 */
export async function loopbackOnly(context: BrowserContext, answer: Record<string, string> = {}): Promise<void> {
  await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => {
    const body = answer[new URL(route.request().url()).host];
    return body === undefined ? route.abort() : route.fulfill({ contentType: 'text/html', body });
  });
}
