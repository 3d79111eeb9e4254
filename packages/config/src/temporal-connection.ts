import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

/** The settings of temporalEnvShape this reads (both apps' Env have them). */
export interface TemporalConnectionEnv {
  NODE_ENV: string;
  TEMPORAL_ADDRESS: string;
  TEMPORAL_TLS?: boolean | undefined;
  TEMPORAL_TLS_CA_FILE?: string | undefined;
  TEMPORAL_TLS_CERT_FILE?: string | undefined;
  TEMPORAL_TLS_KEY_FILE?: string | undefined;
  TEMPORAL_TLS_SERVER_NAME?: string | undefined;
  TEMPORAL_API_KEY?: string | undefined;
  TEMPORAL_ALLOW_PLAINTEXT: boolean;
}

/** Structurally the SDK's TLSConfig: accepted by the client's Connection and the worker's NativeConnection alike. */
export interface TemporalTlsConfig {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

/** What both apps pass to `Connection.lazy/connect` and `NativeConnection.connect`: one parser, so they cannot drift. */
export interface TemporalConnectionConfig {
  address: string;
  tls?: TemporalTlsConfig;
  apiKey?: string;
}

/** True for 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopbackAddress(address: string): boolean {
  const host = address.startsWith('[') ? address.slice(1, address.indexOf(']')) : address.replace(/:\d+$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/**
 * Builds the connection options from the environment, reading the PEM files
 * once at start-up, and refuses what would be unsafe: in production a
 * plaintext connection (and so an API key in clear) to anything but loopback
 * needs TEMPORAL_ALLOW_PLAINTEXT=true.
 */
export function temporalConnectionConfig(
  env: TemporalConnectionEnv,
  readFile: (path: string) => Buffer = (path) => readFileSync(path),
): TemporalConnectionConfig {
  const problem = (message: string) => new Error(`invalid configuration: ${message}`);
  const tlsDetails = [env.TEMPORAL_TLS_CA_FILE, env.TEMPORAL_TLS_CERT_FILE, env.TEMPORAL_TLS_KEY_FILE, env.TEMPORAL_TLS_SERVER_NAME];
  const tlsOn = env.TEMPORAL_TLS ?? tlsDetails.some((v) => v !== undefined);
  if (!tlsOn && tlsDetails.some((v) => v !== undefined)) {
    throw problem('TEMPORAL_TLS is false but TEMPORAL_TLS_* files or a server name are set');
  }
  if ((env.TEMPORAL_TLS_CERT_FILE === undefined) !== (env.TEMPORAL_TLS_KEY_FILE === undefined)) {
    throw problem('TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (mTLS needs both)');
  }
  if (!tlsOn && env.NODE_ENV === 'production' && !env.TEMPORAL_ALLOW_PLAINTEXT && !isLoopbackAddress(env.TEMPORAL_ADDRESS)) {
    throw problem(
      `TEMPORAL_ADDRESS ${env.TEMPORAL_ADDRESS} is not loopback: production needs TEMPORAL_TLS (or TEMPORAL_ALLOW_PLAINTEXT=true)`,
    );
  }
  const pem = (key: string, path: string) => {
    try {
      return readFile(path);
    } catch (e) {
      throw problem(`${key}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const tls: TemporalTlsConfig | undefined = tlsOn
    ? {
        ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
        ...(env.TEMPORAL_TLS_CA_FILE ? { serverRootCACertificate: pem('TEMPORAL_TLS_CA_FILE', env.TEMPORAL_TLS_CA_FILE) } : {}),
        ...(env.TEMPORAL_TLS_CERT_FILE && env.TEMPORAL_TLS_KEY_FILE
          ? {
              clientCertPair: {
                crt: pem('TEMPORAL_TLS_CERT_FILE', env.TEMPORAL_TLS_CERT_FILE),
                key: pem('TEMPORAL_TLS_KEY_FILE', env.TEMPORAL_TLS_KEY_FILE),
              },
            }
          : {}),
      }
    : undefined;
  return {
    address: env.TEMPORAL_ADDRESS,
    ...(tls ? { tls } : {}),
    ...(env.TEMPORAL_API_KEY ? { apiKey: env.TEMPORAL_API_KEY } : {}),
  };
}
