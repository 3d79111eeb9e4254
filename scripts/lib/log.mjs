// Bootstrap chatter goes to stderr so stdout stays clean for piping/tools.
export function say(msg) {
  process.stderr.write(`[cartly] ${msg}\n`);
}
