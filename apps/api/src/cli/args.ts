/** `--name value` pairs; a repeated flag collects every value. */
export function parseFlags(argv: string[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
    flags.set(arg.slice(2), [...(flags.get(arg.slice(2)) ?? []), value]);
    i++;
  }
  return flags;
}

export function required(flags: Map<string, string[]>, name: string): string {
  const v = flags.get(name)?.[0];
  if (!v) throw new Error(`--${name} is required`);
  return v;
}
