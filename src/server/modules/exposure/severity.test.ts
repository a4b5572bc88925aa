import { describe, expect, it } from 'vitest';
import { advisorySeverity } from './severity';

describe('advisory severity', () => {
  it('takes the highest CVSS severity and ranks unknown as 0', () => {
    expect(
      advisorySeverity([
        { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' },
        { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
      ]),
    ).toEqual({ label: 'CRITICAL', rank: 4 });
    expect(advisorySeverity([{ type: 'CVSS_V3', score: 'garbage' }])).toEqual({ label: null, rank: 0 });
    expect(advisorySeverity([])).toEqual({ label: null, rank: 0 });
  });
});
