import { createContext, type ComponentChildren, type JSX } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { cartlyError, type CartlyErrorInfo } from '@cartly/client';

/*
 * The widget's small component kit: loading, error and empty states that every
 * screen uses, so no screen is ever blank, and form fields with their labels
 * and errors wired for screen readers.
 */

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: CartlyErrorInfo }
  | { state: 'ready'; data: T };

/** Runs `fetcher` on mount and when `deps` change; `reload()` runs it again. */
export function useLoad<T>(fetcher: () => Promise<T>, deps: unknown[] = []): Load<T> & { reload(): void; set(data: T): void } {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const reportError = useReportError();
  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    fetcher().then(
      (data) => live && setLoad({ state: 'ready', data }),
      (e: unknown) => live && setLoad({ state: 'error', error: reportError(e) }),
    );
    return () => {
      live = false;
    };
  }, [tick, ...deps]);
  return { ...load, reload: useCallback(() => setTick((n) => n + 1), []), set: (data: T) => setLoad({ state: 'ready', data }) };
}

/** What the app does when a call finds the session gone (expired, revoked): back to login. Per widget instance. */
export const SessionEndedContext = createContext<() => void>(() => undefined);

function useReportError(): (e: unknown) => CartlyErrorInfo {
  const ended = useContext(SessionEndedContext);
  return (e) => {
    const info = cartlyError(e);
    if (info.code === 'UNAUTHENTICATED') ended();
    return info;
  };
}

/** A mutation's pending flag and error, for forms and buttons. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CartlyErrorInfo | null>(null);
  const reportError = useReportError();
  const run = async (...args: A): Promise<R | undefined> => {
    setPending(true);
    setError(null);
    try {
      return await action(...args);
    } catch (e) {
      setError(reportError(e));
      return undefined;
    } finally {
      setPending(false);
    }
  };
  return { pending, error, run, clear: () => setError(null) };
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="cp-loading" role="status">
      <span class="cp-spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function ErrorNote({ error, retry }: { error: CartlyErrorInfo; retry?: () => void }) {
  const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : '';
  return (
    <div class="cp-error" role="alert">
      <p>
        {error.message}
        {wait}
      </p>
      {retry && (
        <button type="button" class="cp-button cp-secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="cp-empty">{children}</p>;
}

/** Shows a load's states; `children` renders the data. */
export function Loaded<T>({ load, children, label }: { load: Load<T> & { reload(): void }; children: (data: T) => ComponentChildren; label?: string }) {
  if (load.state === 'loading') return <Loading label={label} />;
  if (load.state === 'error') return <ErrorNote error={load.error} retry={load.reload} />;
  return <>{children(load.data)}</>;
}

let ids = 0;
/** A stable unique id for label/aria wiring inside one shadow root. */
export function useId(prefix: string): string {
  const ref = useRef<string | undefined>(undefined);
  ref.current ??= `${prefix}-${++ids}`;
  return ref.current;
}

interface InputProps {
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  pattern?: string;
  maxLength?: number;
  required?: boolean | undefined;
  label: string;
  value: string;
  onValue(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
}

export function Field({ label, value, onValue, error, hint, ...input }: InputProps) {
  const id = useId('cp-field');
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="cp-field">
      <label for={id}>{label}</label>
      {hint && (
        <span class="cp-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <input
        {...(({
          ...input,
          id,
          value,
          onInput: (e: Event) => onValue((e.currentTarget as HTMLInputElement).value),
          'aria-invalid': error ? 'true' : undefined,
          'aria-describedby': described || undefined,
          // preact 11 types <input> as a union per `type`; these props fit the text-like ones.
        }) as unknown as JSX.IntrinsicElements['input'])}
      />
      {error && (
        <span class="cp-field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

export function Select<V extends string>({ label, value, options, onValue }: { label: string; value: V; options: { value: V; label: string }[]; onValue(v: V): void }) {
  const id = useId('cp-select');
  return (
    <div class="cp-field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A screen's heading; focused when the screen opens so keyboard and screen-reader users land on it. */
export function ScreenTitle({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);
  return (
    <h2 class="cp-title" tabIndex={-1} ref={ref}>
      {children}
    </h2>
  );
}

export function money(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export function date(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** The message of one field of a validation error, if it named that field. */
export function fieldMessage(error: CartlyErrorInfo | null, field: string): string | undefined {
  return error?.issues.find((i) => i.field === field)?.message;
}

/** A form's end: the API's error, the submit button (busy while pending) and an optional cancel. */
export function FormFooter({ error, pending, submit, busy, onCancel, children }: { error: CartlyErrorInfo | null; pending: boolean; submit: string; busy: string; onCancel?: () => void; children?: ComponentChildren }) {
  return (
    <>
      {error && <ErrorNote error={error} />}
      <div class="cp-actions">
        <button type="submit" class="cp-button" disabled={pending}>
          {pending ? busy : submit}
        </button>
        {onCancel && (
          <button type="button" class="cp-button cp-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        {children}
      </div>
    </>
  );
}

/** A destructive action that asks once more: `label`, then `confirm` (or "Keep"). */
export function ConfirmButton({ label, confirm, pending, onConfirm }: { label: string; confirm: string; pending: boolean; onConfirm(): void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="cp-button cp-secondary" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <>
      <button type="button" class="cp-button cp-danger" disabled={pending} onClick={onConfirm}>
        {confirm}
      </button>
      <button type="button" class="cp-button cp-secondary" onClick={() => setAsking(false)}>
        Keep
      </button>
    </>
  );
}
