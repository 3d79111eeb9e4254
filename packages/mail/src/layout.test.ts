import { expect, test } from 'vitest';
import { formatMoney, oneLine, paragraphsMessage } from './layout.js';

test('a merchant-controlled shop name and customer text cannot inject markup or headers', () => {
  const m = paragraphsMessage({
    to: 'a@example.com',
    shopName: 'Evil <script>alert(1)</script>\r\nBcc: x@y.z',
    subject: 'Hello',
    paragraphs: ['<img src=x onerror=alert(1)>'],
    items: ['1 × "Tee" & <b>bold</b>'],
  });
  expect(m.html).not.toMatch(/<script>|<img|<b>/);
  expect(m.html).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt; Bcc: x@y.z');
  expect(m.text).toContain('- 1 × "Tee" & <b>bold</b>');
  expect(oneLine('a\r\nb\tc')).toBe('a b c');
});

test('amounts are written in the currency\'s own minor units', () => {
  expect(formatMoney(1250, 'USD')).toBe('$12.50');
  expect(formatMoney(1200, 'JPY')).toBe('¥1,200');
});
