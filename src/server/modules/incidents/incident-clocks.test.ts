import { describe, expect, it } from 'vitest';
import { bundledProgrammePacks } from '../../programme-rules/programme-pack';
import { type ClockFacts, escalationsDue, incidentClocks, startsMinistryClock } from './incident-clocks';

const { incidentPlan: pack } = bundledProgrammePacks();
const t0 = new Date('2026-11-21T02:00:00Z');
const min = (m: number) => new Date(t0.getTime() + m * 60_000);
const base: ClockFacts = {
  tier: 'II',
  discoveredAt: min(-20),
  reportedAt: min(0),
  ministryClockStartedAt: min(0),
  phoneReportedAt: null,
  writtenReportedAt: null,
  phoneEscalatedAt: null,
  writtenEscalatedAt: null,
};
const state = (f: ClockFacts, at: number) =>
  Object.fromEntries(incidentClocks(pack, f, min(at)).clocks.map((c) => [c.duty, c.state]));

describe('incident clocks (214号 信息报告, draft values)', () => {
  it('runs the regulator phone clock 10 minutes and the written clock 30 minutes from the tier II moment', () => {
    const c = incidentClocks(pack, base, min(1)).clocks;
    const phone = c.find((k) => k.duty === 'regulator-phone')!;
    const written = c.find((k) => k.duty === 'regulator-written')!;
    expect(phone.dueAt).toEqual(min(10));
    expect(written.dueAt).toEqual(min(30));
    expect(phone.status).toBe('draft');
    expect(phone.legal).toBe(true);
  });

  it.each([
    [9, 'running', 'running'],
    [10, 'running', 'running'],
    [11, 'overdue', 'running'],
    [30, 'overdue', 'running'],
    [31, 'overdue', 'overdue'],
  ])('at minute %i: phone %s, written %s', (at, phone, written) => {
    const s = state(base, at);
    expect(s['regulator-phone']).toBe(phone);
    expect(s['regulator-written']).toBe(written);
  });

  it('is met when logged by the deadline and late when logged after it', () => {
    const s = state({ ...base, phoneReportedAt: min(10), writtenReportedAt: min(31) }, 40);
    expect(s['regulator-phone']).toBe('met');
    expect(s['regulator-written']).toBe('late');
  });

  it('measures the processor report against the 60-minute working target from discovery', () => {
    expect(state(base, 0)['processor-report']).toBe('met');
    const late = { ...base, discoveredAt: min(-61) };
    expect(state(late, 0)['processor-report']).toBe('late');
    const c = incidentClocks(pack, base, min(0)).clocks.find((k) => k.duty === 'processor-report')!;
    expect(c.legal).toBe(false);
    expect(c.status).toBe('draft');
  });

  it('has no ministry clocks for tiers III and IV, or before the clock started', () => {
    expect(Object.keys(state({ ...base, tier: 'III', ministryClockStartedAt: null }, 50))).toEqual([
      'processor-report',
    ]);
    expect(Object.keys(state({ ...base, tier: 'III' }, 50))).toEqual(['processor-report']);
    expect(Object.keys(state({ ...base, ministryClockStartedAt: null }, 50))).toEqual(['processor-report']);
    expect(startsMinistryClock(pack, 'I')).toBe(true);
    expect(startsMinistryClock(pack, 'II')).toBe(true);
    expect(startsMinistryClock(pack, 'III')).toBe(false);
    expect(startsMinistryClock(pack, null)).toBe(false);
  });

  it('escalates each missed ministry clock once', () => {
    expect(escalationsDue(incidentClocks(pack, base, min(10))).map((c) => c.duty)).toEqual([]);
    expect(escalationsDue(incidentClocks(pack, base, min(11))).map((c) => c.duty)).toEqual([
      'regulator-phone',
    ]);
    expect(escalationsDue(incidentClocks(pack, base, min(31))).map((c) => c.duty)).toEqual([
      'regulator-phone',
      'regulator-written',
    ]);
    const once = { ...base, phoneEscalatedAt: min(11) };
    expect(escalationsDue(incidentClocks(pack, once, min(31))).map((c) => c.duty)).toEqual([
      'regulator-written',
    ]);
    const logged = { ...base, phoneReportedAt: min(5), writtenReportedAt: min(20) };
    expect(escalationsDue(incidentClocks(pack, logged, min(60)))).toEqual([]);
  });
});
