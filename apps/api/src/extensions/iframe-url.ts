import { isHostName } from '@cartly/contracts/extensions';

/*
 * iframe blocks (SPEC §6): https only, the host exactly on the app's
 * allow-list, no credentials, no IP literal. Checked at registration (400) and
 * again on every query, since the merchant can shorten the list at any time.
 */

/** Scripts and forms for the app's own UI; no same-origin (no access to the app's cookies from inside the portal), no top navigation. */
export const IFRAME_SANDBOX = 'allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox';
/** No powerful features (camera, geolocation, payment ...) for third-party frames. */
export const IFRAME_ALLOW = "camera 'none'; microphone 'none'; geolocation 'none'; payment 'none'; usb 'none'";
export const IFRAME_REFERRER_POLICY = 'strict-origin';

export type IframeUrlCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkIframeUrl(raw: string, allowedHosts: readonly string[]): IframeUrlCheck {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\s\u0000-\u001f\u007f\\]/.test(raw)) return { ok: false, message: 'must not contain spaces, control characters or backslashes' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'is not an absolute URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, message: `must be an https URL, not ${url.protocol}` };
  if (url.username !== '' || url.password !== '') return { ok: false, message: 'must not carry credentials (user:pass@)' };
  // The URL parser has already turned 0x7f.1, 2130706433 and friends into dotted IPv4.
  if (url.hostname.startsWith('[') || !isHostName(url.host)) return { ok: false, message: 'must name a host, not an IP address' };
  if (!allowedHosts.includes(url.host)) {
    return { ok: false, message: `host ${url.host} is not on this app's iframe allow-list` };
  }
  return { ok: true, url: url.href };
}
