/** `--name value` pairs; a repeated flag collects every value. */
export function parseFlags(argv: string[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new CliError(`unexpected argument "${arg}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new CliError(`${arg} needs a value`);
    flags.set(arg.slice(2), [...(flags.get(arg.slice(2)) ?? []), value]);
    i++;
  }
  return flags;
}

export function required(flags: Map<string, string[]>, name: string): string {
  const v = flags.get(name)?.[0];
  if (!v) throw new CliError(`--${name} is required`);
  return v;
}

/** Refusals the CLI prints as they are: one line a person can act on. */
export class CliError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A required id flag, checked before it reaches SQL (a malformed one would be a database error). */
export function requiredId(flags: Map<string, string[]>, name: string, what: string): string {
  const v = required(flags, name);
  if (!UUID.test(v)) throw new CliError(`--${name} must be ${what} (a UUID such as the "shop_id" shop:create prints), got "${v}"`);
  return v;
}
