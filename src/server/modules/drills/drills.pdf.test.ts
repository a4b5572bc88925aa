import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillDetail } from '../../../contracts/drills';
import { resolvePdfFont } from '../../core/pdf';
import { pdfText } from '../../testing/pdf-text';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

describe('CJK font resolution', () => {
  it('prefers BULWARK_PDF_FONT, then known WenQuanYi/Noto paths, else none', () => {
    const only =
      (...paths: string[]) =>
      (p: string) =>
        paths.includes(p);
    expect(resolvePdfFont('/fonts/x.ttc#XFace', only('/fonts/x.ttc'))).toEqual({
      path: '/fonts/x.ttc',
      family: 'XFace',
    });
    expect(resolvePdfFont('/fonts/missing.ttf', only())).toBeNull();
    expect(resolvePdfFont(undefined, only('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'))).toEqual(
      {
        path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
        family: 'NotoSansCJKsc-Regular',
      },
    );
    expect(resolvePdfFont(undefined, only())).toBeNull();
  });
});

describe('after-action report PDF', () => {
  let t: TestApp;
  let gd1: As;
  let gd: As;
  let d: DrillDetail;
  beforeAll(async () => {
    t = await createTestApp();
    gd1 = await t.login('ent.gd1@bulwark.demo');
    gd = await t.login('gd.admin@bulwark.demo');
    const post = (url: string, payload?: object) =>
      t.app.inject({ method: 'POST', url, headers: gd1.headers, ...(payload ? { payload } : {}) });
    d = (
      await post('/api/drills', {
        scenarioId: 'builtin-ransomware',
        scheduledFor: t.clock.now().toISOString(),
      })
    ).json();
    await post(`/api/drills/${d.id}/start`);
    await post(`/api/drills/${d.id}/advance`, { minutes: 4 });
    await post(`/api/drills/${d.id}/expectations`, {
      injectKey: 'initial-access',
      expectation: 'detected',
      status: 'met',
    });
    for (let i = 0; i < 6; i++) await post(`/api/drills/${d.id}/advance`, { to: 'next' });
    await post(`/api/drills/${d.id}/expectations`, {
      injectKey: 'recovery',
      expectation: 'restored',
      status: 'met',
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/drills/${d.id}/lessons`,
      headers: gd1.headers,
      payload: { lessons: ['关闭暴露的远程运维端口'] },
    });
    d = (await post(`/api/drills/${d.id}/complete`)).json();
    d = (await post(`/api/drills/${d.id}/corrective-actions`, { lesson: 0, dueOn: '2099-06-30' })).json();
  });
  afterAll(() => t.close());

  it('is an A4 PDF with the Chinese title, the scores and the lessons, readable as text', async () => {
    expect(d.measures).toMatchObject({ met: 2, total: 4, timeToDetect: 4, timeToRestore: 70 });
    const res = await t.app.inject({ url: `/api/drills/${d.id}/report.pdf`, headers: gd1.headers });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="drill-.*\.pdf"/);
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
    const [, , w, h] = (await doc.getPage(1)).view;
    expect([Math.round(w!), Math.round(h!)]).toEqual([595, 842]);
    const text = await pdfText(bytes);
    expect(text).toContain('勒索软件攻击应急演练');
    expect(text).toContain('事后评估报告');
    expect(text).toContain(`Score: ${d.measures.score} / 100`);
    expect(text).toContain('Expectations met: 2 / 4');
    expect(text).toContain('Time to detect: 4 min');
    expect(text).toContain('Tier II');
    expect(text).toContain('关闭暴露的远程运维端口');
    expect(text).toContain('(open, due 2099-06-30)');
  });

  it('is another province’s 404 and the filing regulator’s once filed', async () => {
    expect(
      (await t.app.inject({ url: `/api/drills/${d.id}/report.pdf`, headers: gd.headers })).statusCode,
    ).toBe(404);
    await t.app.inject({ method: 'POST', url: `/api/drills/${d.id}/file`, headers: gd1.headers });
    const res = await t.app.inject({ url: `/api/drills/${d.id}/report.pdf`, headers: gd.headers });
    expect(res.statusCode).toBe(200);
    expect(await pdfText(res.rawPayload)).toContain('勒索软件攻击应急演练');
  });
});

describe('without a CJK font', () => {
  it('answers a problem+json 503 naming the setting', async () => {
    const t = await createTestApp({ BULWARK_PDF_FONT: '/nonexistent/font.ttc' });
    try {
      const gd1 = await t.login('ent.gd1@bulwark.demo');
      const d = await t.app.inject({
        method: 'POST',
        url: '/api/drills',
        headers: gd1.headers,
        payload: { scenarioId: 'builtin-insider-misuse', scheduledFor: t.clock.now().toISOString() },
      });
      const res = await t.app.inject({ url: `/api/drills/${d.json().id}/report.pdf`, headers: gd1.headers });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('drill.pdf_font_missing');
      expect(res.json().detail).toContain('BULWARK_PDF_FONT');
    } finally {
      await t.close();
    }
  });
});
