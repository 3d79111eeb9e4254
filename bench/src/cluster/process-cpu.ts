import { readdirSync, readFileSync } from 'node:fs';

/*
 * CPU time used so far by every process of a name (from /proc, Linux only):
 * the Temporal dev server (`temporal`) and PostgreSQL's backends (`postgres`),
 * which the bench does not start as children it can ask. Processes that ended
 * in between are not counted, so a figure is a floor.
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
      // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the name.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while we read
    }
  }
  return ticks / TICKS_PER_SECOND;
}
