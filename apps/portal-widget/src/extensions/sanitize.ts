import DOMPurify from 'dompurify';

/*
 * Liquid blocks arrive sanitised by the server; they are sanitised again here
 * before insertion (defence in depth: a server bug must not become script on
 * the merchant's page). No scripts, handlers, forms, styles or frames; links
 * and images over https only.
 */
const HTTPS = /^https:\/\//i;
/** Links: https, mailto, or a portal path (`/orders/1`, opened as the widget's own screen); never `//host`. */
const LINK = /^(?:https:\/\/|mailto:|\/(?![/\\]))/i;

// An image whose src is not https (refused, relative or mailto:) is dropped; one without alt text is marked decorative (alt=""), never unlabeled.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'IMG') return;
  if (!HTTPS.test(node.getAttribute('src') ?? '')) node.remove();
  else if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
});

export function sanitizeBlockHtml(html: string): string {
  const clean = DOMPurify.sanitize(html, {
    ALLOWED_TAGS: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'span', 'div', 'ul', 'ol', 'li', 'a', 'img', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
    ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'class', 'width', 'height', 'colspan', 'rowspan'],
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: LINK,
    RETURN_TRUSTED_TYPE: false,
  });
  return String(clean);
}

/** An https URL, or nothing (javascript:, data:, relative and protocol-relative URLs are dropped). */
export function safeHttpsUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
