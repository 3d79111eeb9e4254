import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

/*
 * Every copy of nodemailer and mailparser the lockfile installs is outside the
 * published advisory ranges: nodemailer < 7.0.7 (GHSA-mm7p-fcc7-pg87, mail to
 * an unintended domain) and <= 7.0.10 (GHSA-rcmh-qjqh-p98v, addressparser
 * recursion DoS); mailparser at least the release this repo was audited at.
 */

const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};
const copies = (name: string) =>
  Object.entries(lock.packages).filter(([p]) => p.endsWith(`node_modules/${name}`)).map(([p, v]) => [p, v.version ?? '0.0.0'] as const);
const atLeast = (version: string, floor: string) => {
  const a = version.split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
};

test.each([['nodemailer', '7.0.11'], ['mailparser', '3.14.2']])('every installed %s is at least %s', (name, floor) => {
  const found = copies(name);
  expect(found.length).toBeGreaterThan(0);
  for (const [where, version] of found) expect({ where, ok: atLeast(version, floor) }).toEqual({ where, ok: true });
});
