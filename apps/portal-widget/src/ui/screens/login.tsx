import { useState } from 'preact/hooks';
import type { Api } from '../../api/client.js';
import { requestCode, requestMagicLink, verifyCode, type Channel, type LoginResult } from '../../api/passwordless.js';
import type { AuthMethod } from '../../theme/apply.js';
import { CompanyLogin, SsoRequiredNotice, type SsoTarget } from './sso.js';
import { ErrorNote, Field, fieldMessage, ScreenTitle, useAction } from '../kit.js';

type Method = Channel | 'link';
type Step = { name: 'ask' } | { name: 'code'; identifier: string; channel: Channel } | { name: 'link-sent'; email: string } | { name: 'sso' } | { name: 'sso-required'; target: SsoTarget };

const METHODS: { value: Method; label: string; setting: AuthMethod }[] = [
  { value: 'email', label: 'Email me a code', setting: 'otp_email' },
  { value: 'sms', label: 'Text me a code', setting: 'otp_sms' },
  { value: 'link', label: 'Email me a link', setting: 'magic_link' },
];

/** Passwordless login: a code by email or SMS, or a magic link that comes back to this page. */
export function Login({ api, onLogin, notice, loginError, methods, magicLinkRedirectUrl, returnUrl }: { api: Api; onLogin(r: LoginResult): void; notice?: string | undefined; loginError?: string | undefined; methods: AuthMethod[]; magicLinkRedirectUrl?: string | undefined; returnUrl: string }) {
  // Only the methods the shop's settings offer, in its order.
  const offered = methods.flatMap((m) => METHODS.filter((x) => x.setting === m));
  const sso = methods.includes('sso');
  const [method, setMethod] = useState<Method>(offered[0]?.value ?? 'email');
  const [identifier, setIdentifier] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>(offered.length === 0 && sso ? { name: 'sso' } : { name: 'ask' });
  const ask = useAction(async () => {
    const value = identifier.trim();
    // A domain that enforces company sign-in gets no code or link: the answer names the company instead.
    const answer = method === 'link' ? await requestMagicLink(api, value, magicLinkRedirectUrl) : await requestCode(api, value, method);
    if (!answer.accepted) return setStep({ name: 'sso-required', target: answer.sso });
    if (method === 'link') {
      setStep({ name: 'link-sent', email: value });
    } else {
      setCode('');
      setStep({ name: 'code', identifier: value, channel: method });
    }
  });
  const back = () => setStep({ name: 'ask' });

  if (step.name === 'sso') return <CompanyLogin api={api} redirectUri={returnUrl} onBack={offered.length > 0 ? back : undefined} />;
  if (step.name === 'sso-required') return <SsoRequiredNotice api={api} target={step.target} redirectUri={returnUrl} onBack={back} />;
  const verify = useAction(async (identifierValue: string) => onLogin(await verifyCode(api, identifierValue, code.trim())));

  if (step.name === 'link-sent') {
    return (
      <section class="cp-card cp-login">
        <ScreenTitle>Check your email</ScreenTitle>
        <p role="status">
          If <strong>{step.email}</strong> belongs to an account here, a sign-in link is on its way. It works once, for 15 minutes.
        </p>
        <button type="button" class="cp-button cp-secondary" onClick={() => setStep({ name: 'ask' })}>
          Use another way
        </button>
      </section>
    );
  }

  if (step.name === 'code') {
    return (
      <section class="cp-card cp-login">
        <ScreenTitle>Enter your code</ScreenTitle>
        <p role="status">
          We sent a 6-digit code to <strong>{step.identifier}</strong> by {step.channel === 'sms' ? 'text message' : 'email'}.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void verify.run(step.identifier);
          }}
        >
          <Field
            label="Code"
            value={code}
            onValue={setCode}
            inputMode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            error={fieldMessage(verify.error, 'code')}
          />
          {verify.error && <ErrorNote error={verify.error} />}
          <div class="cp-actions">
            <button type="submit" class="cp-button" disabled={verify.pending}>
              {verify.pending ? 'Checking…' : 'Log in'}
            </button>
            <button type="button" class="cp-button cp-secondary" onClick={() => setStep({ name: 'ask' })}>
              Back
            </button>
          </div>
        </form>
      </section>
    );
  }

  const isPhone = method === 'sms';
  return (
    <section class="cp-card cp-login">
      <ScreenTitle>Log in to your account</ScreenTitle>
      {notice && <p class="cp-notice" role="status">{notice}</p>}
      {loginError && <p class="cp-error" role="alert">{loginError}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void ask.run();
        }}
      >
        {offered.length > 1 && <fieldset class="cp-choice">
          <legend>How would you like to log in?</legend>
          {offered.map((m) => (
            <label key={m.value}>
              <input type="radio" name="cp-method" value={m.value} checked={method === m.value} onChange={() => setMethod(m.value)} />
              {m.label}
            </label>
          ))}
        </fieldset>}
        <Field
          label={isPhone ? 'Phone number' : 'Email'}
          hint={isPhone ? 'With country code, e.g. +14155550123' : undefined}
          type={isPhone ? 'tel' : 'email'}
          autocomplete={isPhone ? 'tel' : 'email'}
          value={identifier}
          onValue={setIdentifier}
          required
          error={fieldMessage(ask.error, method === 'link' ? 'email' : 'identifier')}
        />
        {ask.error && <ErrorNote error={ask.error} />}
        <div class="cp-actions">
          <button type="submit" class="cp-button" disabled={ask.pending}>
            {ask.pending ? 'Sending…' : method === 'link' ? 'Send link' : 'Send code'}
          </button>
        </div>
        {sso && (
          <div class="cp-actions">
            <button type="button" class="cp-button cp-secondary" onClick={() => setStep({ name: 'sso' })}>
              Log in with your company
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
