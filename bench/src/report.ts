import type { LoadFigures } from './load.js';

export interface Measured extends LoadFigures {
  target: 'baseline' | 'api';
  round: number;
  /** Server process CPU time (user + system) per 2xx response, µs: far less sensitive to other load than req/s. */
  cpuMicrosPerRequest: number;
}

const pad = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

function table(rows: Measured[], baselineLabel: string): string[] {
  const header = ['target', 'round', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'responses', 'failures'];
  const body = rows.map((r) => [
    r.target === 'api' ? 'api: startApi (production)' : baselineLabel,
    String(r.round),
    r.rps.toFixed(0),
    r.p50Ms.toFixed(2),
    r.p99Ms.toFixed(2),
    r.cpuMicrosPerRequest.toFixed(0),
    String(r.ok),
    String(r.failures),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  return [pad(header, widths), pad(widths.map((w) => '-'.repeat(w)), widths), ...body.map((r) => pad(r, widths))];
}

const best = (rows: Measured[], target: Measured['target']) =>
  rows.filter((r) => r.target === target).reduce((a, b) => (b.rps > a.rps ? b : a));

/**
 * Each round's pair, measured back to back: on a shared machine one target's best round can fall in a quiet
 * moment the other never had, so the paired ratios are printed too.
 */
function perRound(rows: Measured[]): string {
  const pairs = [...new Set(rows.map((r) => r.round))].flatMap((round) => {
    const b = rows.find((r) => r.round === round && r.target === 'baseline');
    const a = rows.find((r) => r.round === round && r.target === 'api');
    return a && b ? [{ rps: (100 * a.rps) / b.rps, cpu: a.cpuMicrosPerRequest / b.cpuMicrosPerRequest, p99: a.p99Ms / b.p99Ms }] : [];
  });
  return `round by round (API / baseline of the same round): throughput ${pairs.map((p) => `${p.rps.toFixed(0)} %`).join(', ')}; ` +
    `CPU per request ${pairs.map((p) => `${p.cpu.toFixed(2)}x`).join(', ')}; p99 ${pairs.map((p) => `${p.p99.toFixed(2)}x`).join(', ')}`;
}

/** A plain table of the figures and the API/baseline ratios; figures only, no verdict. */
export function formatReport(rows: Measured[], setup: string[], opts: { baselineLabel: string; targetPercent: number }): string {
  const api = best(rows, 'api');
  const baseline = best(rows, 'baseline');
  const rounds = Math.max(...rows.map((r) => r.round));
  return [
    ...setup,
    '',
    ...table(rows, opts.baselineLabel),
    '',
    `${rounds > 1 ? `best of ${rounds} rounds: ` : ''}API / baseline throughput: ${((100 * api.rps) / baseline.rps).toFixed(1)} % (target >= ${opts.targetPercent} %)`,
    `API / baseline latency: p50 ${(api.p50Ms / baseline.p50Ms).toFixed(2)}x, p99 ${(api.p99Ms / baseline.p99Ms).toFixed(2)}x; ` +
      `server CPU per request ${(api.cpuMicrosPerRequest / baseline.cpuMicrosPerRequest).toFixed(2)}x (target <= 1.5x, p99 <= 2x)`,
    ...(rounds > 1 ? [perRound(rows)] : []),
    ...(rows.some((r) => r.failures > 0) ? ['WARNING: some requests failed; the figures above are not comparable.'] : []),
  ].join('\n');
}
