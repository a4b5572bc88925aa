import { describe, expect, it } from 'vitest';
import { monthEnds, monthRange, trendMonths } from './months';

describe('Shanghai months', () => {
  it('bounds a month by China midnight, across a year end', () => {
    expect(monthRange('2026-12')).toEqual({
      from: '2026-12-01',
      to: '2027-01-01',
      fromAt: new Date('2026-11-30T16:00:00.000Z'),
      toAt: new Date('2026-12-31T16:00:00.000Z'),
    });
  });

  it('lists months from the programme start to now, and the ends of those already over', () => {
    const now = new Date('2024-05-31T16:30:00Z'); // 00:30 on 1 June in Shanghai
    expect(trendMonths('2024-02-23', now)).toEqual(['2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(monthEnds('2024-02-23', now).map((d) => d.toISOString())).toEqual([
      '2024-02-29T15:59:59.999Z',
      '2024-03-31T15:59:59.999Z',
      '2024-04-30T15:59:59.999Z',
      '2024-05-31T15:59:59.999Z',
    ]);
  });
});
