import { escapeHtml } from './escape-html.js';
import type { MailMessage } from './mailer.js';

/*
 * The one look of every email a shop's customers and merchants get: branded
 * with the shop's name, every interpolated value escaped, nothing loaded from
 * anywhere. Domains write the words; the layout lives here.
 */

/** Shop names are merchant-controlled: keep them to one plain line in subjects, headings and SMS. */
export function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').trim().slice(0, 100);
}

/** The shop-branded HTML frame around `bodyHtml` (already escaped), with an optional small footer line. */
export function shopLayout(shopName: string, bodyHtml: string, footer?: string): string {
  const shop = escapeHtml(oneLine(shopName));
  const foot = footer ? `\n<p style="font-size:12px;color:#6d7175;margin-top:24px">${escapeHtml(footer)}</p>` : '';
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f6f6f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#202223">
<table role="presentation" width="100%" style="max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<tr><td><h1 style="font-size:20px;margin:0 0 16px">${shop}</h1>${bodyHtml}${foot}</td></tr></table></body></html>`;
}

/** Plain paragraphs and an optional list in: a text part and an escaped, shop-branded HTML part out. */
export function paragraphsMessage(opts: { to: string; shopName: string; subject: string; paragraphs: string[]; items?: string[] }): MailMessage {
  const items = opts.items ?? [];
  const text = [...opts.paragraphs, ...(items.length ? [items.map((i) => `- ${i}`).join('\n')] : [])].join('\n\n');
  const body =
    opts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    (items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : '');
  return { to: opts.to, subject: opts.subject, text, html: shopLayout(opts.shopName, body) };
}

/** An amount in minor units as the currency writes it ("$12.50", "¥1,200"). */
// Building an Intl.NumberFormat costs far more than formatting with one: one per currency code, kept.
const formats = new Map<string, { format: Intl.NumberFormat; digits: number }>();
/** Currency codes are ISO 4217 (a few hundred); the bound only guards against a caller passing anything. */
const MAX_FORMATS = 512;

export function formatMoney(cents: number, currency: string): string {
  let entry = formats.get(currency);
  if (!entry) {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    entry = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(currency, entry);
  }
  return entry.format.format(cents / 10 ** entry.digits);
}
