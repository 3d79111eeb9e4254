/*
 * The path and query of a request, as `new URL(req.url, base)` gives them.
 * Most requests are a plain path (letters, digits, `-`, `_`, `/`) with or
 * without a query, which WHATWG URL parsing leaves exactly as sent: those are
 * split here, the query parsed only when read. Anything else (dot segments,
 * %-escapes, backslashes, a fragment) goes through `new URL`, so its
 * normalisation stays the standard's.
 */

export interface RequestUrl {
  readonly pathname: string;
  /** `''` or `?…`, as URL's `search`. */
  readonly search: string;
  readonly searchParams: URLSearchParams;
}

/** Not `//…`, which URL reads as a host. */
const PLAIN_PATH = /^\/(?!\/)[A-Za-z0-9_/-]*$/;
/** What URL would percent-encode in a query (or cut off, `#`). */
const UNPLAIN_QUERY = /[^\x21-\x7e]|["#'<>]/;

class PlainUrl implements RequestUrl {
  #params: URLSearchParams | undefined;
  constructor(
    readonly pathname: string,
    readonly search: string,
  ) {}
  get searchParams(): URLSearchParams {
    return (this.#params ??= new URLSearchParams(this.search));
  }
}

export function requestUrl(raw: string | undefined): RequestUrl {
  const url = raw ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q);
  if (!PLAIN_PATH.test(path) || UNPLAIN_QUERY.test(query)) return new URL(url, 'http://localhost');
  return new PlainUrl(path, query === '?' ? '' : query);
}
