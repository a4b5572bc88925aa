import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOffsetClock, ManualClock } from './clock';

describe('clocks', () => {
  it('shifts the system time by the offset in a file, re-read when it changes', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clock-')), 'offset');
    const clock = fileOffsetClock(file);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    fs.writeFileSync(file, String(3 * 86_400_000));
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 1000);
    fs.writeFileSync(file, 'not a number');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
  it('advances a manual clock', () => {
    const c = new ManualClock(new Date('2026-11-21T00:00:00Z'));
    c.advance(60_000);
    expect(c.now().toISOString()).toBe('2026-11-21T00:01:00.000Z');
  });
});
