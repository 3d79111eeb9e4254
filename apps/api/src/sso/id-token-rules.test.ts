import { describe, expect, test } from 'vitest';
import { azureIssuerValid, checkIdTokenClaims, emailVerified, googleHostedDomainValid } from './id-token-rules.js';
import { canonicalDomain, emailDomain, isConsumerDomain } from './email-domains.js';

const TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
const TEMPLATE = 'https://login.microsoftonline.com/{tenantid}/v2.0';

describe('Entra ID (azure) issuer', () => {
  test('multi-tenant: the {tenantid} template with the token\'s own tid', () => {
    expect(azureIssuerValid(TEMPLATE, { iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT })).toBe(true);
  });
  test('an iss of another tenant than the token\'s tid, a missing or malformed tid, or a forged template are refused', () => {
    const other = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    expect(azureIssuerValid(TEMPLATE, { iss: `https://login.microsoftonline.com/${other}/v2.0`, tid: TENANT })).toBe(false);
    expect(azureIssuerValid(TEMPLATE, { iss: `https://login.microsoftonline.com/${TENANT}/v2.0` })).toBe(false);
    expect(azureIssuerValid(TEMPLATE, { iss: 'https://login.microsoftonline.com/evil/v2.0', tid: 'evil' })).toBe(false);
    expect(azureIssuerValid(TEMPLATE, { iss: `https://login.microsoftonline.com/${TENANT}/../x/v2.0`, tid: `${TENANT}/../x` })).toBe(false);
    expect(azureIssuerValid(TEMPLATE, { iss: TEMPLATE, tid: '{tenantid}' })).toBe(false);
    expect(azureIssuerValid(TEMPLATE, { tid: TENANT })).toBe(false);
  });
  test('a tenant-specific issuer must match exactly', () => {
    const fixed = `https://login.microsoftonline.com/${TENANT}/v2.0`;
    expect(azureIssuerValid(fixed, { iss: fixed, tid: TENANT })).toBe(true);
    expect(azureIssuerValid(fixed, { iss: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0', tid: '72f988bf-86f1-41af-91ab-2d7cd011db47' })).toBe(false);
  });
  test('Entra ID sends no email_verified; its xms_edov claim vouches for the email, for azure only', () => {
    expect(emailVerified('azure', { xms_edov: true })).toBe(true);
    expect(emailVerified('azure', { xms_edov: false })).toBe(false);
    expect(emailVerified('azure', {})).toBe(false);
    expect(emailVerified('custom', { xms_edov: true })).toBe(false);
    expect(emailVerified('okta', { email_verified: 'true' })).toBe(false); // a string is not a boolean
    expect(emailVerified('okta', { email_verified: true })).toBe(true);
  });
});

describe('Google hosted domain (hd)', () => {
  test('the hd claim must be one of the company\'s domains; a consumer account has none', () => {
    expect(googleHostedDomainValid({ hd: 'acme.test' }, ['acme.test'])).toBe(true);
    expect(googleHostedDomainValid({ hd: 'ACME.test' }, ['acme.test'])).toBe(true);
    expect(googleHostedDomainValid({ hd: 'evil.test' }, ['acme.test'])).toBe(false);
    expect(googleHostedDomainValid({}, ['acme.test'])).toBe(false);
    expect(googleHostedDomainValid({ hd: ['acme.test'] }, ['acme.test'])).toBe(false);
  });
});

describe('checkIdTokenClaims', () => {
  const base = { iss: 'https://idp.test', sub: 's1', email: 'a@acme.test', email_verified: true };
  test('names the first rule that fails', () => {
    expect(checkIdTokenClaims('custom', base.iss, ['acme.test'], base)).toEqual({ ok: true });
    expect(checkIdTokenClaims('custom', base.iss, ['acme.test'], { ...base, email_verified: false })).toMatchObject({ ok: false, code: 'email_not_verified' });
    expect(checkIdTokenClaims('custom', base.iss, ['acme.test'], { ...base, email: undefined })).toMatchObject({ ok: false, code: 'email_missing' });
    expect(checkIdTokenClaims('google', base.iss, ['acme.test'], base)).toMatchObject({ ok: false, code: 'hosted_domain_mismatch' });
    expect(checkIdTokenClaims('google', base.iss, ['acme.test'], { ...base, hd: 'acme.test' })).toEqual({ ok: true });
    expect(checkIdTokenClaims('azure', TEMPLATE, ['acme.test'], { ...base, tid: TENANT })).toMatchObject({ ok: false, code: 'tenant_mismatch' });
    expect(checkIdTokenClaims('azure', TEMPLATE, ['acme.test'], {
      ...base, email_verified: undefined, xms_edov: true, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT,
    })).toEqual({ ok: true });
  });
});

describe('email domains', () => {
  test('IDN-normalised, lower case, one form for every spelling', () => {
    expect(canonicalDomain('Bücher.Example')).toBe('xn--bcher-kva.example');
    expect(canonicalDomain('xn--bcher-kva.example')).toBe('xn--bcher-kva.example');
    expect(canonicalDomain('ACME.test.')).toBe('acme.test');
    expect(canonicalDomain('ａｃｍｅ.test')).toBe('acme.test'); // full-width letters map (UTS #46)
    expect(emailDomain('ann@Bücher.example')).toBe('xn--bcher-kva.example');
  });
  test('what is not a domain name is refused', () => {
    for (const bad of ['localhost', 'acme', '127.0.0.1', 'a@b.test', 'a b.test', 'https://acme.test', '-a.test', 'a..test', '', 'acme.test/x', `${'a'.repeat(64)}.test`]) {
      expect(canonicalDomain(bad), bad).toBeNull();
    }
  });
  test('the consumer list holds the big free providers', () => {
    for (const d of ['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com']) expect(isConsumerDomain(d)).toBe(true);
    expect(isConsumerDomain('acme.test')).toBe(false);
  });
});
