import { describe, expect, it } from 'vitest';
import { checkDisclosure, type GateCode, type PublicationRequest } from './disclosure-gate';
import { bundledPacks } from './regulation-pack';

const rmsv = bundledPacks().rmsv;
const now = new Date('2026-03-02T10:00:00+08:00');

/** A request that passes every check. */
const clean: PublicationRequest = {
  fixOrMitigationAvailable: true,
  approvals: [],
  includesFixOrMitigation: true,
  attachments: [
    { id: 'poc-video', exploitTool: false, public: true },
    { id: 'exploit.py', exploitTool: true, public: false },
  ],
  fields: [
    { path: 'summary', operatorSystemDetail: false, published: true },
    { path: 'affectedHosts', operatorSystemDetail: true, published: false },
  ],
  recipients: [
    { id: 'cncert', overseas: false, productProvider: false },
    { id: 'vendor-hq-de', overseas: true, productProvider: true },
  ],
  mpsConsent: false,
  publishedGrade: '高危',
  assessedGrade: '高危',
};
const codes = (req: PublicationRequest, pack = rmsv, windows = []) =>
  checkDisclosure(req, pack, now, windows).failures.map((f) => f.code);

describe('checkDisclosure', () => {
  it('passes a clean request (overseas provider and unpublished exploit are allowed)', () => {
    expect(checkDisclosure(clean, rmsv, now)).toEqual({ ok: true, failures: [] });
  });

  it('art. 9(1): no fix and no approval', () => {
    const r = checkDisclosure({ ...clean, fixOrMitigationAvailable: false }, rmsv, now);
    expect(r.ok).toBe(false);
    expect(r.failures).toEqual([
      {
        code: 'no-fix-and-no-approval',
        clause: 'RMSV art. 9(1)',
        message: 'no fix or mitigation, and no assessment by MIIT, MPS',
      },
    ]);
  });
  it('art. 9(1): one approval of two is not enough; both are', () => {
    expect(codes({ ...clean, fixOrMitigationAvailable: false, approvals: ['MIIT'] })).toEqual([
      'no-fix-and-no-approval',
    ]);
    expect(codes({ ...clean, fixOrMitigationAvailable: false, approvals: ['MPS', 'MIIT'] })).toEqual([]);
  });
  it('art. 9(2): operator-system details, one failure per field', () => {
    const fields = [
      { path: 'affectedHosts', operatorSystemDetail: true, published: true },
      { path: 'operatorName', operatorSystemDetail: true, published: true },
    ];
    const r = checkDisclosure({ ...clean, fields }, rmsv, now);
    expect(r.failures.map((f) => [f.code, f.path])).toEqual([
      ['operator-details', 'affectedHosts'],
      ['operator-details', 'operatorName'],
    ]);
  });
  it('art. 9(3): a published grade above the recorded one', () => {
    const r = checkDisclosure({ ...clean, publishedGrade: '超危' }, rmsv, now);
    expect(r.failures).toMatchObject([
      { code: 'exaggeration-flag', clause: 'RMSV art. 9(3)', path: 'publishedGrade' },
    ]);
    expect(codes({ ...clean, publishedGrade: '中危' })).toEqual([]);
    expect(codes({ ...clean, publishedGrade: '超危', assessedGrade: null })).toEqual([]);
  });
  it('art. 9(4): a public exploit tool', () => {
    const attachments = [{ id: 'exploit.py', exploitTool: true, public: true }];
    const r = checkDisclosure({ ...clean, attachments }, rmsv, now);
    expect(r.failures).toMatchObject([
      { code: 'exploit-tool-public', clause: 'RMSV art. 9(4)', path: 'attachments.0' },
    ]);
  });
  it('art. 9(5)?: publication without the fix or mitigation', () => {
    const r = checkDisclosure({ ...clean, includesFixOrMitigation: false }, rmsv, now);
    expect(r.failures).toMatchObject([{ code: 'mitigation-missing', clause: 'RMSV art. 9(5)?' }]);
  });
  it('art. 9(6)?: a freeze window from the ministry, [from, to), unless MPS consents', () => {
    const windows = [{ name: '两会', from: new Date('2026-03-01T00:00:00+08:00'), to: now }];
    expect(checkDisclosure(clean, rmsv, now, windows).ok).toBe(true);
    const open = [{ ...windows[0]!, to: new Date('2026-03-12T00:00:00+08:00') }];
    expect(checkDisclosure(clean, rmsv, now, open).failures).toMatchObject([
      { code: 'freeze-window', clause: 'RMSV art. 9(6)?', message: 'publication freeze "两会" is in force' },
    ]);
    expect(checkDisclosure({ ...clean, mpsConsent: true }, rmsv, now, open).ok).toBe(true);
  });
  it('art. 9(6)?: a freeze window shipped in a newer pack', () => {
    const pack = structuredClone(rmsv);
    pack.disclosure.majorEventFreeze.value.windows = [
      { name: 'event', from: '2026-03-02T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00' },
    ];
    expect(codes(clean, pack)).toEqual(['freeze-window']);
    pack.disclosure.majorEventFreeze.value.enabled = false;
    expect(codes(clean, pack)).toEqual([]);
  });
  it('art. 9(7): an overseas recipient other than the product provider', () => {
    const recipients = [{ id: 'foreign-broker', overseas: true, productProvider: false }];
    const r = checkDisclosure({ ...clean, recipients }, rmsv, now);
    expect(r.failures).toMatchObject([
      { code: 'overseas-recipient', clause: 'RMSV art. 9(7)', path: 'recipients.0' },
    ]);
  });

  it('returns every failure at once, in article order', () => {
    const bad: PublicationRequest = {
      fixOrMitigationAvailable: false,
      approvals: [],
      includesFixOrMitigation: false,
      attachments: [{ id: 'x', exploitTool: true, public: true }],
      fields: [{ path: 'hosts', operatorSystemDetail: true, published: true }],
      recipients: [{ id: 'y', overseas: true, productProvider: false }],
      mpsConsent: false,
      publishedGrade: '超危',
      assessedGrade: '低危',
    };
    const windows = [{ name: 'e', from: new Date(0), to: new Date('2100-01-01T00:00:00Z') }];
    const all: GateCode[] = [
      'no-fix-and-no-approval',
      'operator-details',
      'exaggeration-flag',
      'exploit-tool-public',
      'mitigation-missing',
      'freeze-window',
      'overseas-recipient',
    ];
    expect(codes(bad, rmsv, windows as never)).toEqual(all);
  });
  it('combines two failures without hiding either', () => {
    expect(codes({ ...clean, fixOrMitigationAvailable: false, includesFixOrMitigation: false })).toEqual([
      'no-fix-and-no-approval',
      'mitigation-missing',
    ]);
  });
  it('skips a check the pack turns off', () => {
    const pack = structuredClone(rmsv);
    pack.disclosure.requireMitigationWithPublication.value = false;
    expect(codes({ ...clean, includesFixOrMitigation: false }, pack)).toEqual([]);
  });
});
