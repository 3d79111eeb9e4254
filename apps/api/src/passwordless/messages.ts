import { escapeHtml, type MailMessage } from '@cartly/mail';

/*
 * What a customer receives. Branded with the shop's name; every interpolated
 * value is escaped for HTML, and the HTML loads nothing from anywhere.
 */

/** Shop names are merchant-controlled: keep them to one plain line in subjects and SMS. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').trim().slice(0, 100);
}

function layout(shopName: string, bodyHtml: string): string {
  const shop = escapeHtml(oneLine(shopName));
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f6f6f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#202223">
<table role="presentation" width="100%" style="max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<tr><td><h1 style="font-size:20px;margin:0 0 16px">${shop}</h1>${bodyHtml}
<p style="font-size:12px;color:#6d7175;margin-top:24px">If you did not ask to sign in to ${shop}, you can ignore this message.</p></td></tr></table></body></html>`;
}

export function otpEmail(opts: { to: string; shopName: string; code: string; ttlMinutes: number }): MailMessage {
  const shop = oneLine(opts.shopName);
  return {
    to: opts.to,
    subject: `${opts.code} is your ${shop} login code`,
    text:
      `Your ${shop} login code is ${opts.code}\n\n` +
      `It expires in ${opts.ttlMinutes} minutes and works once. Never share it with anyone.\n\n` +
      `If you did not ask to sign in to ${shop}, you can ignore this message.\n`,
    html: layout(
      shop,
      `<p>Your login code is</p><p style="font-size:32px;font-weight:700;letter-spacing:6px;margin:8px 0">${escapeHtml(opts.code)}</p>` +
        `<p>It expires in ${opts.ttlMinutes} minutes and works once. Never share it with anyone.</p>`,
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
      `If you did not ask to sign in to ${shop}, you can ignore this message.\n`,
    html: layout(
      shop,
      `<p>Click the button to sign in. The link expires in ${opts.ttlMinutes} minutes and works once.</p>` +
        `<p style="margin:24px 0"><a href="${url}" style="background:#008060;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">Sign in to ${escapeHtml(shop)}</a></p>` +
        `<p style="font-size:12px;color:#6d7175;word-break:break-all">Or paste this address into your browser: ${url}</p>`,
    ),
  };
}

export function otpSms(opts: { shopName: string; code: string; ttlMinutes: number }): string {
  return `${opts.code} is your ${oneLine(opts.shopName).slice(0, 40)} login code. It expires in ${opts.ttlMinutes} min. Never share it.`;
}
