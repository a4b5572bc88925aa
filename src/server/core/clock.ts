import fs from 'node:fs';

/** The source of `now`; tests advance it, production reads the system clock. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  constructor(private t = new Date('2026-11-21T02:00:00Z')) {}
  /** Current fake time. */
  now() {
    return new Date(this.t);
  }
  /** Moves time forward by `ms`. */
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/**
 * A system clock shifted by the number of milliseconds written in `file` (re-read when the file changes), so an
 * end-to-end test or a drill facilitator can move a running server's time forward without restarting it.
 */
export function fileOffsetClock(file: string): Clock {
  let mtime = -1;
  let offset = 0;
  return {
    now() {
      try {
        const m = fs.statSync(file).mtimeMs;
        if (m !== mtime) {
          mtime = m;
          const n = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
          offset = Number.isFinite(n) ? n : 0;
        }
      } catch {
        offset = 0;
      }
      return new Date(Date.now() + offset);
    },
  };
}
