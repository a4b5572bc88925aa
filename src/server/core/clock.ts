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
