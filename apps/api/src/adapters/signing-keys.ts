import { randomUUID } from 'node:crypto';
import {
  calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, importPKCS8, jwtVerify, SignJWT,
  type CryptoKey, type JWK, type JWTPayload,
} from 'jose';
import { z } from 'zod';
import { parseKeyRing } from '@cartly/config';
import type { Env } from '../env.js';

/*
 * The keys that sign magic links and app session tokens. One algorithm,
 * pinned on both ends; every key has a `kid`. The first configured key signs,
 * every configured key verifies and is published in the JWKS, so a rotation
 * is: prepend the new key, deploy, and drop the old one once the tokens it
 * signed (at most 15 minutes) have expired.
 */

const SIGNING_ALG = 'ES256';

export interface PublicJwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  kid: string;
  alg: string;
  use: 'sig';
}

interface LoadedKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
}

export interface SignOptions {
  /** JWT `typ` header: each kind of token has its own, so one can never pass for another. */
  typ: string;
  audience: string;
  subject?: string;
  ttlSeconds: number;
  claims?: Record<string, unknown>;
  now?: Date;
}

export interface VerifyOptions {
  typ: string;
  /** Required `aud`; omit only when the caller checks `aud` itself. */
  audience?: string;
  maxAgeSeconds: number;
  now?: Date;
}

export interface SigningKeyRing {
  sign(opts: SignOptions): Promise<{ token: string; expiresAt: Date }>;
  /** The verified payload, or null for anything wrong with the token (never throws for bad input). */
  verify(token: string, opts: VerifyOptions): Promise<JWTPayload | null>;
  /** Also what startup awaits, so a key that does not import fails there rather than at the first login. */
  jwks(): Promise<{ keys: PublicJwk[] }>;
}

const ZConfiguredKey = z.union([
  z.object({ kid: z.string().min(1).max(100), pem: z.string().includes('PRIVATE KEY') }),
  z.looseObject({ kid: z.string().min(1).max(100), kty: z.literal('EC'), crv: z.literal('P-256'), d: z.string(), x: z.string(), y: z.string() }),
]);
type ConfiguredKey = z.infer<typeof ZConfiguredKey>;

/** Parses JWT_SIGNING_KEYS (production requires it: env.ts); unset elsewhere means a generated key. */
function parseSigningKeys(env: Pick<Env, 'JWT_SIGNING_KEYS'>): ConfiguredKey[] | undefined {
  if (!env.JWT_SIGNING_KEYS) return undefined;
  return parseKeyRing('JWT_SIGNING_KEYS', env.JWT_SIGNING_KEYS, ZConfiguredKey, 'ES256 private keys, each a P-256 JWK with "kid" or {"kid","pem"}');
}

function publicPart(jwk: JWK, kid: string): PublicJwk {
  return { kty: jwk.kty!, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg: SIGNING_ALG, use: 'sig' };
}

async function loadKey(configured: ConfiguredKey): Promise<LoadedKey> {
  try {
    return await importKey(configured);
  } catch {
    // The cause may quote key material: name only the kid.
    throw new Error(`invalid configuration: JWT_SIGNING_KEYS key "${configured.kid}" is not a valid ES256 (P-256) private key`);
  }
}

async function importKey(configured: ConfiguredKey): Promise<LoadedKey> {
  if ('pem' in configured && typeof configured.pem === 'string') {
    const privateKey = await importPKCS8(configured.pem, SIGNING_ALG, { extractable: true });
    return { kid: configured.kid, privateKey, publicJwk: publicPart(await exportJWK(privateKey), configured.kid) };
  }
  const { kid, ...jwk } = configured;
  const privateKey = (await importJWK({ ...jwk, alg: SIGNING_ALG }, SIGNING_ALG)) as CryptoKey;
  return { kid, privateKey, publicJwk: publicPart(jwk as JWK, kid) };
}

/** Outside production: one fresh key per process, named after its thumbprint. */
async function generateKey(): Promise<LoadedKey> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = `dev-${(await calculateJwkThumbprint(jwk)).slice(0, 16)}`;
  return { kid, privateKey, publicJwk: publicPart(jwk, kid) };
}

export function signingKeyRing(env: Pick<Env, 'NODE_ENV' | 'JWT_SIGNING_KEYS' | 'PUBLIC_BASE_URL'>): SigningKeyRing {
  const configured = parseSigningKeys(env);
  const issuer = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  let loading: Promise<{ keys: LoadedKey[]; verifyKey: ReturnType<typeof createLocalJWKSet> }> | undefined;
  const load = () =>
    (loading ??= (async () => {
      const keys = configured ? await Promise.all(configured.map(loadKey)) : [await generateKey()];
      return { keys, verifyKey: createLocalJWKSet({ keys: keys.map((k) => ({ ...k.publicJwk })) }) };
    })());

  return {
    async sign(opts) {
      const { keys } = await load();
      const signer = keys[0]!;
      const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
      const jwt = new SignJWT({ ...opts.claims })
        .setProtectedHeader({ alg: SIGNING_ALG, kid: signer.kid, typ: opts.typ })
        .setIssuer(issuer)
        .setAudience(opts.audience)
        .setJti(randomUUID())
        .setIssuedAt(now)
        .setExpirationTime(now + opts.ttlSeconds);
      if (opts.subject) jwt.setSubject(opts.subject);
      return { token: await jwt.sign(signer.privateKey), expiresAt: new Date((now + opts.ttlSeconds) * 1000) };
    },
    async verify(token, opts) {
      const { verifyKey } = await load();
      try {
        const { payload } = await jwtVerify(token, verifyKey, {
          algorithms: [SIGNING_ALG],
          typ: opts.typ,
          issuer,
          ...(opts.audience !== undefined ? { audience: opts.audience } : {}),
          maxTokenAge: opts.maxAgeSeconds,
          requiredClaims: ['exp', 'iat', 'jti', 'aud'],
          clockTolerance: 5,
          ...(opts.now ? { currentDate: opts.now } : {}),
        });
        return payload;
      } catch {
        return null;
      }
    },
    async jwks() {
      const { keys } = await load();
      return { keys: keys.map((k) => k.publicJwk) };
    },
  };
}
