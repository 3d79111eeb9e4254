/*
 * Magic-link redirect targets. Entries of the shop's allow-list are origins
 * (`https://shop.example`) or URL prefixes (`https://shop.example/account/`).
 * Matching is done on parsed URLs, never on raw string prefixes, so
 * `https://shop.example.evil.test` or `https://shop.example@evil.test` do not
 * pass for `https://shop.example`.
 */

function parse(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username || url.password) return undefined;
    return url;
  } catch {
    return undefined;
  }
}

/** Plain http only for loopback, where a developer's portal runs. */
function secureEnough(url: URL): boolean {
  return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function matches(candidate: URL, entry: URL): boolean {
  if (candidate.origin !== entry.origin) return false;
  const prefix = entry.pathname;
  if (prefix === '/' || prefix === '') return true;
  // A prefix matches whole path segments: /account matches /account and /account/x, not /accounts.
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return candidate.pathname === prefix.replace(/\/$/, '') || candidate.pathname.startsWith(base);
}

/** The normalised URL if it is on the allow-list, otherwise undefined. */
export function allowedRedirect(raw: string, allowList: readonly string[] | undefined): string | undefined {
  const candidate = parse(raw);
  if (!candidate || !secureEnough(candidate)) return undefined;
  for (const entry of allowList ?? []) {
    const allowed = parse(entry);
    if (allowed && matches(candidate, allowed)) return candidate.toString();
  }
  return undefined;
}
