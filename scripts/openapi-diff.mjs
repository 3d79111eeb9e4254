// Compares two OpenAPI documents ignoring operationIds (which follow the tRPC keys):
// `node scripts/openapi-diff.mjs before.json after.json` exits 1 and prints the first
// differing paths when the REST face itself changed.
import { readFileSync } from 'node:fs';

const strip = (v) =>
  Array.isArray(v) ? v.map(strip)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'operationId').map(([k, x]) => [k, strip(x)]))
      : v;
const [a, b] = process.argv.slice(2).map((f) => strip(JSON.parse(readFileSync(f, 'utf8'))));
const diffs = [];
(function walk(x, y, at) {
  if (JSON.stringify(x) === JSON.stringify(y)) return;
  if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x)) {
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) walk(x[k], y[k], `${at}/${k}`);
  } else diffs.push(at);
})(a, b, '');
if (diffs.length) {
  console.log(`${diffs.length} difference(s) besides operationIds:\n${diffs.slice(0, 20).join('\n')}`);
  process.exit(1);
}
console.log('identical except operationIds');
