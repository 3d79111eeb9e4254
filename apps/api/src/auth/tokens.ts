import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque credentials: a kind prefix (so a token of the wrong kind is rejected
 * before any lookup) and 256 random bits. Only the SHA-256 is stored; a hash
 * of a high-entropy token needs no salt or slow KDF.
 */
export type TokenKind = 'sat' | 'cat' | 'adm' | 'app';

export function newToken(kind: TokenKind): { token: string; hash: string } {
  const token = `${kind}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const SHAPE = /^(sat|cat|adm|app)_[A-Za-z0-9_-]{43}$/;

/** True when the string looks like a token of that kind (cheap pre-check). */
export function isTokenOf(kind: TokenKind, token: string): boolean {
  return SHAPE.test(token) && token.startsWith(`${kind}_`);
}

/** A public, non-secret identifier such as an app client id. */
export function newPublicId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}
