import { readdirSync, readFileSync } from 'node:fs';

/** CPU ms of each thread of this process: the main thread, other threads by name or id (Linux /proc; empty elsewhere). */
export function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  const tick = 10; // ms per clock tick at the usual USER_HZ of 100
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * tick;
      const key = tid === String(process.pid) ? 'main' : name === 'node' ? `thread ${tid}` : name;
      out.set(key, (out.get(key) ?? 0) + ms);
    } catch {
      // The thread ended between readdir and read.
    }
  }
  return out;
}

/** The difference of two snapshots, largest first. */
export function threadDelta(before: Map<string, number>, after: Map<string, number>): [string, number][] {
  return [...after]
    .map(([k, v]): [string, number] => [k, v - (before.get(k) ?? 0)])
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1]);
}
