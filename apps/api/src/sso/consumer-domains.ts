/*
 * Mail domains anyone can sign up at: they prove nothing about an employer, so
 * no company may claim one as its SSO email domain (else every gmail.com user
 * logging in through that company's IdP would be auto-joined, or locked out
 * of codes by `enforce`). Short on purpose: the big free providers.
 */
export const CONSUMER_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com',
  'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'hotmail.co.uk', 'outlook.de',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'ymail.com', 'rocketmail.com',
  'icloud.com', 'me.com', 'mac.com',
  'aol.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com',
  'proton.me', 'protonmail.com', 'pm.me', 'tutanota.com', 'zoho.com',
  'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', '126.com',
  'fastmail.com', 'hey.com',
]);
