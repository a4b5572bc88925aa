import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/actor';
import { shanghaiYear } from '../../programme-rules/coverage';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';
import { correctiveDueOn } from './rules/corrective-due';

let t: TestApp;
let gd2: As;
let gd1: As;
let gdReg: As;
let zjReg: As;
let zj1: As;
let ministry: As;
let examId: string;
let allIds: string[];

const call = (as: As | null, method: string, url: string, payload?: object) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: as?.headers ?? {},
    ...(payload ? { payload } : {}),
  });
const file = (text: string, name = 'evidence.txt') => ({
  filename: name,
  contentType: 'text/plain',
  contentBase64: Buffer.from(text).toString('base64'),
});

beforeAll(async () => {
  t = await createTestApp();
  [gd2, gd1, gdReg, zjReg, zj1, ministry] = (await Promise.all(
    [
      'ent.gd2@bulwark.demo',
      'ent.gd1@bulwark.demo',
      'gd.admin@bulwark.demo',
      'zj.admin@bulwark.demo',
      'ent.zj1@bulwark.demo',
      'ministry.viewer@bulwark.demo',
    ].map((e) => t.login(e)),
  )) as [As, As, As, As, As, As];
  const lib = (await call(gd2, 'GET', '/api/controls')).json();
  allIds = lib.groups.flatMap((g: { controls: { id: string }[] }) => g.controls.map((c) => c.id));
});
afterAll(() => t.close());

describe('control library', () => {
  it('lists the versioned controls grouped by the four scenarios plus general management', async () => {
    const res = await call(gd2, 'GET', '/api/controls');
    expect(res.statusCode).toBe(200);
    const lib = res.json();
    expect(lib.version).toBe('1.0.0');
    expect(lib.groups.map((g: { scenario: string }) => g.scenario)).toEqual([
      'ransomware',
      'vulnerability-backdoor',
      'illegal-operation',
      'remote-om',
      'general',
    ]);
    expect(lib.groups[0].label).toEqual({ zh: '勒索攻击', en: 'Ransomware attacks' });
    expect(lib.groups[0].controls[0]).toMatchObject({ id: 'RW-01', status: 'unconfirmed', weight: 3 });
    expect(lib.groups[0].controls[0].clause).toContain('34号');
    expect(new Set(allIds).size).toBe(allIds.length);
    expect(allIds).toHaveLength(55);
  });
});

describe('self-examination', () => {
  it('starts one for the Shanghai year, one in progress at a time', async () => {
    const res = await call(gd2, 'POST', '/api/examinations');
    expect(res.statusCode, res.body).toBe(201);
    examId = res.json().id;
    expect(res.json()).toMatchObject({
      year: shanghaiYear(t.clock.now()),
      status: 'in-progress',
      previousId: null,
      canEdit: true,
    });
    expect(res.json().score.unanswered).toHaveLength(55);
    const again = await call(gd2, 'POST', '/api/examinations');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('examination.in_progress');
  });

  it('lets the province regulator and the ministry read, and hides it from everyone else', async () => {
    expect((await call(gdReg, 'GET', `/api/examinations/${examId}`)).json().canEdit).toBe(false);
    expect((await call(ministry, 'GET', `/api/examinations/${examId}`)).statusCode).toBe(200);
    for (const other of [zjReg, zj1, gd1])
      expect((await call(other, 'GET', `/api/examinations/${examId}`)).statusCode).toBe(404);
    expect((await call(null, 'GET', `/api/examinations/${examId}`)).statusCode).toBe(401);
    const listed = (await call(gdReg, 'GET', '/api/examinations')).json();
    expect(listed.some((e: { id: string }) => e.id === examId)).toBe(true);
    expect((await call(zjReg, 'GET', '/api/examinations')).json()).toEqual([]);
  });

  it('refuses writes by regulators and by another enterprise', async () => {
    const body = { answers: [{ controlId: 'RW-01', answer: 'yes' }] };
    expect((await call(gdReg, 'PATCH', `/api/examinations/${examId}/answers`, body)).statusCode).toBe(403);
    expect((await call(gd1, 'PATCH', `/api/examinations/${examId}/answers`, body)).statusCode).toBe(404);
    expect((await call(gd1, 'POST', `/api/examinations/${examId}/complete`)).statusCode).toBe(404);
  });

  it('refuses an unknown control with its field path', async () => {
    const res = await call(gd2, 'PATCH', `/api/examinations/${examId}/answers`, {
      answers: [
        { controlId: 'RW-01', answer: 'yes' },
        { controlId: 'XX-99', answer: 'no' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'body.answers.1.controlId', code: 'examination.unknown_control' }),
    ]);
    const bad = await call(gd2, 'PATCH', `/api/examinations/${examId}/answers`, {
      answers: [{ controlId: 'RW-01', answer: 'maybe' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('answers.0.answer');
  });

  it('refuses completion while controls are unanswered, listing them', async () => {
    await call(gd2, 'PATCH', `/api/examinations/${examId}/answers`, {
      answers: [{ controlId: 'RW-01', answer: 'no', note: '仅有在线备份' }],
    });
    const res = await call(gd2, 'POST', `/api/examinations/${examId}/complete`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('examination.incomplete');
    expect(res.json().errors).toHaveLength(54);
    expect(res.json().errors[0]).toMatchObject({ path: 'answers.RW-02' });
  });

  it('scores live per scenario as answers arrive', async () => {
    const answers = allIds
      .filter((id) => id !== 'RW-01')
      .map((id) => ({
        controlId: id,
        answer: id === 'RW-02' ? 'partial' : id === 'GM-16' ? 'not-applicable' : 'yes',
      }));
    const res = await call(gd2, 'PATCH', `/api/examinations/${examId}/answers`, { answers });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json().score;
    expect(s.complete).toBe(true);
    expect(s.byScenario['remote-om'].score).toBe(100);
    // RW-01 (3, no) and RW-02 (3, partial) out of the ransomware weights.
    const rw = s.byScenario.ransomware;
    expect(rw.possible - rw.earned).toBe(4.5);
    expect(s.byScenario.general.applicable).toBe(s.byScenario.general.controls - 1);
    expect(s.overall.score).toBeLessThan(100);
  });

  it('attaches sealed evidence to an answer, downloadable by the org and its regulator only', async () => {
    const text = '离线备份策略 v2';
    const up = await call(
      gd2,
      'POST',
      `/api/examinations/${examId}/answers/RW-01/evidence`,
      file(text, '../备份.txt'),
    );
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({
      subjectPart: 'RW-01',
      filename: '备份.txt',
      size: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
    });
    const id = up.json().id;
    const sealed = await t.database.raw.query<{ sealed: Buffer }>(
      'select sealed from evidence_files where id = $1',
      [id],
    );
    expect(Buffer.from(sealed.rows[0]!.sealed).includes(Buffer.from(text))).toBe(false);
    for (const reader of [gd2, gdReg]) {
      const dl = await call(reader, 'GET', `/api/evidence/${id}`);
      expect(dl.statusCode).toBe(200);
      expect(dl.body).toBe(text);
      expect(dl.headers['content-disposition']).toContain(encodeURIComponent('备份.txt'));
    }
    for (const other of [zjReg, zj1, gd1])
      expect((await call(other, 'GET', `/api/evidence/${id}`)).statusCode).toBe(404);
    const detail = (await call(gd2, 'GET', `/api/examinations/${examId}`)).json();
    expect(detail.evidence.map((e: { id: string }) => e.id)).toEqual([id]);
  });

  it('refuses evidence for an unknown control, an empty file and one over the cap', async () => {
    const unknown = await call(gd2, 'POST', `/api/examinations/${examId}/answers/XX-01/evidence`, file('x'));
    expect(unknown.json().errors[0]).toMatchObject({
      path: 'params.controlId',
      code: 'examination.unknown_control',
    });
    const empty = await call(gd2, 'POST', `/api/examinations/${examId}/answers/RW-01/evidence`, {
      ...file('x'),
      contentBase64: '====',
    });
    expect(empty.json().code).toBe('evidence.bad_file');
    const big = await call(gd2, 'POST', `/api/examinations/${examId}/answers/RW-01/evidence`, {
      ...file('x'),
      contentBase64: Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64'),
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().code).toBe('evidence.bad_file');
  });

  it('sniffs uploads: refuses an executable whatever its name, and labels a file by its content', async () => {
    const url = `/api/examinations/${examId}/answers/RW-01/evidence`;
    const elf = await call(gd2, 'POST', url, {
      filename: '备份记录.pdf',
      contentType: 'application/pdf',
      contentBase64: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).toString('base64'),
    });
    expect(elf.statusCode).toBe(400);
    expect(elf.json()).toMatchObject({ code: 'evidence.bad_file' });
    expect(elf.json().detail).toContain('executable');
    const pdf = await call(gd2, 'POST', url, {
      filename: 'scan.png',
      contentType: 'image/png',
      contentBase64: Buffer.from('%PDF-1.4 离线备份').toString('base64'),
    });
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json().contentType).toBe('application/pdf');
  });

  it('completes: freezes the score, raises corrective actions for no and partial, and audits', async () => {
    const res = await call(gd2, 'POST', `/api/examinations/${examId}/complete`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', canEdit: false });
    const actions = (await call(gd2, 'GET', `/api/corrective-actions?sourceId=${examId}`)).json();
    expect(actions.map((a: { controlId: string }) => a.controlId)).toEqual(['RW-01', 'RW-02']);
    expect(actions[0]).toMatchObject({
      sourceKind: 'examination',
      status: 'open',
      ownerUserId: gd2.userId,
      dueOn: correctiveDueOn(t.clock.now()),
      detail: '仅有在线备份',
      scenarios: ['ransomware', 'general'],
    });
    expect(actions[0].title).toContain('备份');
    const frozen = await t.database.raw.query<{ score: { overall: { score: number } } }>(
      'select score from examinations where id = $1',
      [examId],
    );
    expect(frozen.rows[0]!.score.overall.score).toBe(res.json().overall);
    const audit = await t.database.raw.query<{ data: { correctiveActions: string[] } }>(
      "select data from audit_log where action = 'examination.completed' and entity_id = $1",
      [examId],
    );
    expect(audit.rows[0]!.data.correctiveActions).toHaveLength(2);
  });

  it('is frozen once completed', async () => {
    const res = await call(gd2, 'PATCH', `/api/examinations/${examId}/answers`, {
      answers: [{ controlId: 'RW-01', answer: 'yes' }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('examination.completed');
    expect((await call(gd2, 'POST', `/api/examinations/${examId}/complete`)).statusCode).toBe(409);
    const diff = (await call(gd2, 'GET', `/api/examinations/${examId}/diff`)).json();
    expect(diff).toMatchObject({ previousId: null, overallDelta: null, improved: [] });
  });

  it('compares a re-examination with the previous completed one', async () => {
    const previous = (await call(gd1, 'GET', '/api/examinations')).json()[0];
    expect(previous).toMatchObject({ status: 'completed', year: shanghaiYear(t.clock.now()) - 1 });
    const start = await call(gd1, 'POST', '/api/examinations');
    expect(start.statusCode, start.body).toBe(201);
    const id = start.json().id;
    expect(start.json().previousId).toBe(previous.id);
    await call(gd1, 'PATCH', `/api/examinations/${id}/answers`, {
      answers: allIds.map((c) => ({ controlId: c, answer: c === 'VB-01' ? 'no' : 'yes' })),
    });
    const diff = await call(gdReg, 'GET', `/api/examinations/${id}/diff`);
    expect(diff.statusCode).toBe(200);
    const d = diff.json();
    expect(d).toMatchObject({ previousId: previous.id, previousYear: previous.year });
    expect(d.improved.map((c: { id: string }) => c.id).sort()).toEqual(['GM-05', 'RO-06', 'RW-02']);
    expect(d.regressed).toEqual([{ id: 'VB-01', from: 'yes', to: 'no' }]);
    expect(d.byScenario['remote-om']).toBeGreaterThan(0);
    expect(d.byScenario['vulnerability-backdoor']).toBeLessThan(0);
  });

  it('keeps viewers to reading', async () => {
    await t.app.services.users.addUser(systemContext(), gd2.orgId, {
      email: 'gd2.viewer@bulwark.test',
      name: 'v',
      password: DEMO_PASSWORD,
      role: 'viewer',
    });
    const viewer = await t.login('gd2.viewer@bulwark.test');
    expect((await call(viewer, 'GET', `/api/examinations/${examId}`)).statusCode).toBe(200);
    expect((await call(viewer, 'POST', '/api/examinations')).statusCode).toBe(403);
  });
});
