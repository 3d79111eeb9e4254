import { readdirSync, readFileSync } from 'node:fs';

/*
 * CPU time used so far by every process of a name (from /proc, Linux only):
 * the Temporal dev server (`temporal`) and PostgreSQL's backends (`postgres`),
 * which the bench does not start as children it can ask. A process's own time
 * plus that of its children it has reaped: a backend that ended (a pool
 * closing an idle connection) is counted in the postmaster's, where it would
 * otherwise vanish from the sum.
 */
const TICKS_PER_SECOND = 100;

export function cpuSecondsOf(comm: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== comm) continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime, stime, cutime and cstime are fields 14 to 17 of stat, i.e. 11 to 14 after the name.
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // the process ended while we read
    }
  }
  return ticks / TICKS_PER_SECOND;
}
