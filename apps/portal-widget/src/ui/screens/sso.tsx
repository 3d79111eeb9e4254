import { useState } from 'preact/hooks';
import type { Api } from '../../api/client.js';
import { discoverSso, startSso } from '../../api/sso.js';
import { ErrorNote, Field, fieldMessage, ScreenTitle, useAction } from '../kit.js';

/*
 * Company single sign-on (SPEC §8): the work email names the company (its
 * domain), the API hands back the identity provider's address, and the page
 * goes there; the provider returns to this page with the login in the
 * fragment (taken like a magic link's) or `#error=…` (shown on the login screen).
 */

export interface SsoTarget {
  company_id: string;
  company_name: string;
}

/** Starts the provider's login: the browser leaves the page. */
async function go(api: Api, companyId: string, redirectUri: string): Promise<void> {
  const { authorization_url } = await startSso(api, companyId, redirectUri);
  if (!/^https?:\/\//.test(authorization_url)) throw new Error('unexpected sign-in address');
  window.location.assign(authorization_url);
}

/** "Log in with your company": asks for the work email, finds the company, goes to its sign-in. */
export function CompanyLogin({ api, redirectUri, onBack }: { api: Api; redirectUri: string; onBack?: (() => void) | undefined }) {
  const [email, setEmail] = useState('');
  const [none, setNone] = useState(false);
  const [leaving, setLeaving] = useState<string | undefined>();
  const find = useAction(async () => {
    setNone(false);
    const { sso } = await discoverSso(api, email.trim());
    if (!sso) return setNone(true);
    setLeaving(sso.company_name);
    await go(api, sso.company_id, redirectUri).catch((e: unknown) => {
      setLeaving(undefined);
      throw e;
    });
  });
  return (
    <section class="cp-card cp-login">
      <ScreenTitle>Log in with your company</ScreenTitle>
      <form
        aria-label="Log in with your company"
        onSubmit={(e) => {
          e.preventDefault();
          void find.run();
        }}
      >
        <Field label="Work email" type="email" autocomplete="email" value={email} onValue={setEmail} required error={fieldMessage(find.error, 'email')} />
        {none && (
          <p class="cp-error" role="alert">
            No company sign-in is set up for this email address. Please use another way to log in.
          </p>
        )}
        {leaving && <p role="status">Taking you to {leaving}'s sign-in…</p>}
        {find.error && <ErrorNote error={find.error} />}
        <div class="cp-actions">
          <button type="submit" class="cp-button" disabled={find.pending || leaving !== undefined}>
            {find.pending ? 'Looking up…' : 'Continue'}
          </button>
          {onBack && (
            <button type="button" class="cp-button cp-secondary" onClick={onBack}>
              Use another way
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/** The answer to a code or link request for a domain that enforces SSO: nothing was sent; the company's sign-in is the way in. */
export function SsoRequiredNotice({ api, target, redirectUri, onBack }: { api: Api; target: SsoTarget; redirectUri: string; onBack(): void }) {
  const start = useAction(() => go(api, target.company_id, redirectUri));
  return (
    <section class="cp-card cp-login">
      <ScreenTitle>Log in with {target.company_name}</ScreenTitle>
      <p role="status">{target.company_name} signs its team in through the company's own sign-in. No code or link was sent.</p>
      {start.error && <ErrorNote error={start.error} />}
      <div class="cp-actions">
        <button type="button" class="cp-button" disabled={start.pending} onClick={() => void start.run()}>
          {start.pending ? 'Redirecting…' : `Continue to ${target.company_name}`}
        </button>
        <button type="button" class="cp-button cp-secondary" onClick={onBack}>
          Back
        </button>
      </div>
    </section>
  );
}
