import { escapeHtml, oneLine, shopLayout, type MailMessage } from '@cartly/mail';

/*
 * What a customer receives. Branded with the shop's name; every interpolated
 * value is escaped for HTML, and the HTML loads nothing from anywhere.
 */

const IGNORE = (shop: string) => `If you did not ask to sign in to ${shop}, you can ignore this message.`;

export function otpEmail(opts: { to: string; shopName: string; code: string; ttlMinutes: number }): MailMessage {
  const shop = oneLine(opts.shopName);
  return {
    to: opts.to,
    subject: `${opts.code} is your ${shop} login code`,
    text:
      `Your ${shop} login code is ${opts.code}\n\n` +
      `It expires in ${opts.ttlMinutes} minutes and works once. Never share it with anyone.\n\n` +
      `${IGNORE(shop)}\n`,
    html: shopLayout(
      shop,
      `<p>Your login code is</p><p style="font-size:32px;font-weight:700;letter-spacing:6px;margin:8px 0">${escapeHtml(opts.code)}</p>` +
        `<p>It expires in ${opts.ttlMinutes} minutes and works once. Never share it with anyone.</p>`,
      IGNORE(shop),
    ),
  };
}

export function magicLinkEmail(opts: { to: string; shopName: string; url: string; ttlMinutes: number }): MailMessage {
  const shop = oneLine(opts.shopName);
  const url = escapeHtml(opts.url);
  return {
    to: opts.to,
    subject: `Sign in to ${shop}`,
    text:
      `Open this link to sign in to ${shop}:\n\n${opts.url}\n\n` +
      `It expires in ${opts.ttlMinutes} minutes and works once.\n\n` +
      `${IGNORE(shop)}\n`,
    html: shopLayout(
      shop,
      `<p>Click the button to sign in. The link expires in ${opts.ttlMinutes} minutes and works once.</p>` +
        `<p style="margin:24px 0"><a href="${url}" style="background:#008060;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">Sign in to ${escapeHtml(shop)}</a></p>` +
        `<p style="font-size:12px;color:#6d7175;word-break:break-all">Or paste this address into your browser: ${url}</p>`,
      IGNORE(shop),
    ),
  };
}

export function otpSms(opts: { shopName: string; code: string; ttlMinutes: number }): string {
  return `${opts.code} is your ${oneLine(opts.shopName).slice(0, 40)} login code. It expires in ${opts.ttlMinutes} min. Never share it.`;
}
