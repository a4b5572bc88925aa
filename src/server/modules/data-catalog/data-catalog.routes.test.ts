import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../../lib/china/uscc';
import { systemContext } from '../../core/actor';
import { DEMO_PASSWORD, DEMO_PROFILES } from '../../seed/demo';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let gd1: As;
let gd1Member: As;
let gdAdmin: As;
let zjAdmin: As;
let zj1: As;
let ministry: As;
let questions: { id: string; answers: { key: string; minLevel: string }[] }[];

const call = (as: As | null, method: string, url: string, payload?: object) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: as?.headers ?? {},
    ...(payload ? { payload } : {}),
  });

/** Every question answered at its general answer, except those given. */
const answers = (raised: Record<string, string> = {}) =>
  Object.fromEntries(questions.map((q) => [q.id, raised[q.id] ?? q.answers[0]!.key]));

const asset = (over: Record<string, unknown> = {}) => ({
  name: '质量检测数据',
  category: '生产运行数据',
  scale: { records: 50_000, volumeMb: 200 },
  purpose: '质量追溯',
  processingMethod: '采集、存储',
  scopeOfUse: '质量部',
  responsiblePerson: '质量部经理',
  externalSharing: false,
  crossBorder: false,
  securityMeasures: '访问控制、备份',
  answers: answers({ 'important-definition': 'yes' }),
  ...over,
});

/** A Guangdong enterprise registered by its regulator, with its admin signed in. */
async function newEnterprise(n: number, registered = true): Promise<As> {
  const email = `catalog.ent${n}@bulwark.test`;
  const { org } = await t.app.services.users.createOrgWithAdmin(
    systemContext(),
    { kind: 'enterprise', name: `目录测试企业${n}`, provinceCode: '440000' },
    { email, name: 'e', password: DEMO_PASSWORD },
  );
  if (registered) {
    const first17 = `91440300MA5F${String(n).padStart(4, '0')}X`;
    const profile = DEMO_PROFILES.粤海精密制造有限公司!;
    const r = await call(gdAdmin, 'POST', '/api/enterprises', {
      ...profile,
      name: `目录测试企业${n}`,
      cityCode: '440300',
      uscc: `${first17}${usccCheckCharacter(first17)}`,
      orgId: org.id,
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  return t.login(email);
}

beforeAll(async () => {
  t = await createTestApp();
  gd1 = await t.login('ent.gd1@bulwark.demo');
  gd1Member = await t.login('ent.gd1.member@bulwark.demo');
  gdAdmin = await t.login('gd.admin@bulwark.demo');
  zjAdmin = await t.login('zj.admin@bulwark.demo');
  zj1 = await t.login('ent.zj1@bulwark.demo');
  ministry = await t.login('ministry.admin@bulwark.demo');
  questions = (await call(gd1, 'GET', '/api/data-catalog/questions')).json().questions;
});
afterAll(() => t.close());

describe('classification wizard', () => {
  it('serves the pack questions in both languages with clause and status', async () => {
    const r = await call(gdAdmin, 'GET', '/api/data-catalog/questions');
    expect(r.statusCode).toBe(200);
    const q = r.json();
    expect(q.questions).toHaveLength(13);
    expect(q.questions[0]).toMatchObject({
      id: 'core-national-security',
      status: 'draft',
      prompt: { zh: expect.stringContaining('国土'), en: expect.stringContaining('territorial') },
    });
    expect(q.questions[0].clause).toMatch(/art\. 11/);
    expect(q.override).toMatchObject({ reasonMinLength: 10, status: 'unconfirmed' });
  });

  it('derives the highest level of the answers (就高) and names the answers that set it', async () => {
    const r = await call(gd1, 'POST', '/api/data-catalog/classify', {
      answers: answers({ field: 'key-field', 'core-designated': 'yes' }),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ derivedLevel: 'core', level: 'core', complete: true });
    expect(r.json().reasons.map((x: { questionId: string }) => x.questionId)).toEqual(['core-designated']);
  });

  it.each([
    [{ nope: 'yes' }, 'body.answers.nope', 'data_catalog.unknown_question'],
    [{ field: 'maybe' }, 'body.answers.field', 'data_catalog.unknown_answer'],
  ])('rejects %j with a field path, never a 500', async (bad, path, code) => {
    const r = await call(
      gd1,
      'POST',
      '/api/data-catalog/assets',
      asset({ answers: { ...answers(), ...bad } }),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('requires every question to be answered', async () => {
    const { importance: _, ...partial } = answers();
    const r = await call(gd1, 'POST', '/api/data-catalog/assets', asset({ answers: partial }));
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      code: 'data_catalog.unanswered',
      errors: [{ path: 'body.answers.importance' }],
    });
  });

  it('requires a reason for an override and stores derived level, level and reason', async () => {
    const short = await call(
      gd1Member,
      'POST',
      '/api/data-catalog/assets',
      asset({ override: { level: 'core', reason: '太短' } }),
    );
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      code: 'data_catalog.override_reason_required',
      errors: [{ path: 'body.override.reason' }],
    });
    const ok = await call(
      gd1Member,
      'POST',
      '/api/data-catalog/assets',
      asset({
        name: '质量检测数据（上调）',
        override: { level: 'core', reason: '主管部门书面通知认定为核心数据' },
      }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().asset).toMatchObject({
      derivedLevel: 'important',
      level: 'core',
      overrideReason: '主管部门书面通知认定为核心数据',
      questionsVersion: '1.0.0',
    });
    await call(gd1, 'POST', `/api/data-catalog/assets/${ok.json().asset.id}/destroy`);
  });

  it('warns (does not block) when core data is marked cross-border', async () => {
    const r = await call(
      gd1,
      'POST',
      '/api/data-catalog/assets',
      asset({ name: '跨境核心', crossBorder: true, answers: answers({ 'core-sector-impact': 'yes' }) }),
    );
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().warnings.map((w: { code: string }) => w.code)).toEqual([
      'data_catalog.core_data_export',
      'data_catalog.export_assessment_required',
    ]);
    expect(r.json().warnings[0].status).toBe('unconfirmed');
    const d = await call(gd1, 'POST', `/api/data-catalog/assets/${r.json().asset.id}/destroy`);
    expect(d.json().asset).toMatchObject({ status: 'destroyed', destroyedAt: expect.any(String) });
    const again = await call(gd1, 'PATCH', `/api/data-catalog/assets/${r.json().asset.id}`, { name: 'x' });
    expect(again.json().code).toBe('data_catalog.asset_destroyed');
  });

  it('requires sharing details when the asset is shared externally', async () => {
    const r = await call(gd1, 'POST', '/api/data-catalog/assets', asset({ externalSharing: true }));
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0]).toMatchObject({ path: 'body.sharingDetails' });
  });
});

describe('data asset scope', () => {
  it('lets the enterprise, its province and the ministry read; others get 404; only staff write', async () => {
    const [mine] = (await call(gd1, 'GET', '/api/data-catalog/assets?status=active')).json();
    expect(mine.orgName).toBe('粤海精密制造有限公司');
    const url = `/api/data-catalog/assets/${mine.id}`;
    expect((await call(gdAdmin, 'GET', url)).statusCode).toBe(200);
    expect((await call(ministry, 'GET', url)).statusCode).toBe(200);
    expect((await call(zjAdmin, 'GET', url)).statusCode).toBe(404);
    expect((await call(zj1, 'GET', url)).statusCode).toBe(404);
    expect((await call(zj1, 'PATCH', url, { purpose: '越权' })).statusCode).toBe(404);
    expect((await call(gdAdmin, 'PATCH', url, { purpose: '越权' })).statusCode).toBe(403);
    const zjList = (await call(zjAdmin, 'GET', '/api/data-catalog/assets')).json();
    expect(zjList.every((a: { orgName: string }) => a.orgName === '钱塘新材料科技有限公司')).toBe(true);
  });
});

describe('catalog filing lifecycle', () => {
  let filingId: string;

  it('seeds an approved filing for ent.gd2 and a submitted one in the Zhejiang queue', async () => {
    const gd2 = await t.login('ent.gd2@bulwark.demo');
    const [approved] = (await call(gd2, 'GET', '/api/data-catalog/filings')).json();
    expect(approved).toMatchObject({
      status: 'approved',
      certificateNo: expect.stringMatching(/^DSF-440000-/),
    });
    const zjQueue = (await call(zjAdmin, 'GET', '/api/data-catalog/filings?status=submitted')).json();
    expect(zjQueue.map((f: { orgName: string }) => f.orgName)).toEqual(['钱塘新材料科技有限公司']);
    const gdQueue = (await call(gdAdmin, 'GET', '/api/data-catalog/filings?status=submitted')).json();
    expect(gdQueue).toEqual([]);
  });

  it('submits the important/core catalog with its snapshot, recipient and 20-working-day clock', async () => {
    const viaMember = await call(gd1Member, 'POST', '/api/data-catalog/filings');
    expect(viaMember.statusCode).toBe(403);
    const r = await call(gd1, 'POST', '/api/data-catalog/filings');
    expect(r.statusCode, r.body).toBe(201);
    const f = r.json();
    filingId = f.id;
    expect(f).toMatchObject({
      status: 'submitted',
      kind: 'initial',
      revision: 1,
      provinceCode: '440000',
      recipient: { key: 'industry' },
      categories: { 研发设计数据: 120_000, 生产运行数据: 2_400_000 },
      scale: 2_520_000,
      assetCount: 2,
      review: { workingDays: 20, status: 'draft', overdue: false, workingDaysLeft: 20 },
    });
    const detail = (await call(gd1, 'GET', `/api/data-catalog/filings/${f.id}`)).json();
    const craft = detail.snapshot.find((s: { name: string }) => s.name === '生产工艺参数');
    expect(craft).toMatchObject({
      level: 'important',
      scale: { records: 120_000, volumeMb: 850 },
      responsibleParty: '李文（数据安全负责人）',
      carrierSystem: 'MES 制造执行系统',
    });
    expect(Object.keys(craft)).not.toContain('description');
    expect(detail.events).toMatchObject([{ kind: 'submitted', revision: 1 }]);
    const notes = (await call(gdAdmin, 'GET', '/api/notifications')).json().items;
    expect(notes[0]).toMatchObject({ kind: 'catalog.filing_submitted' });
  });

  it('allows one open filing at a time', async () => {
    const r = await call(gd1, 'POST', '/api/data-catalog/filings');
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('data_catalog.filing_open');
  });

  it('refuses a filing with nothing important or core, and one from an unregistered enterprise', async () => {
    const fresh = await newEnterprise(1);
    await call(fresh, 'POST', '/api/data-catalog/assets', asset({ answers: answers() }));
    const r = await call(fresh, 'POST', '/api/data-catalog/filings');
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('data_catalog.nothing_to_file');
    const unregistered = await newEnterprise(2, false);
    expect((await call(unregistered, 'POST', '/api/data-catalog/filings')).json().code).toBe(
      'data_catalog.no_enterprise_profile',
    );
  });

  it('hides the filing from another province and lets the ministry read but never decide', async () => {
    expect((await call(zjAdmin, 'GET', `/api/data-catalog/filings/${filingId}`)).statusCode).toBe(404);
    expect((await call(zjAdmin, 'POST', `/api/data-catalog/filings/${filingId}/approve`)).statusCode).toBe(
      404,
    );
    expect((await call(zj1, 'GET', `/api/data-catalog/filings/${filingId}`)).statusCode).toBe(404);
    expect((await call(ministry, 'GET', `/api/data-catalog/filings/${filingId}`)).statusCode).toBe(200);
    expect((await call(ministry, 'POST', `/api/data-catalog/filings/${filingId}/approve`)).statusCode).toBe(
      403,
    );
    const queue = (await call(gdAdmin, 'GET', '/api/data-catalog/filings?status=submitted')).json();
    expect(queue.map((f: { id: string }) => f.id)).toEqual([filingId]);
  });

  it('returns with a required comment; the enterprise revises and resubmits with a new clock', async () => {
    t.clock.advance(60_000);
    const noComment = await call(gdAdmin, 'POST', `/api/data-catalog/filings/${filingId}/return`, {
      comment: ' ',
    });
    expect(noComment.statusCode).toBe(400);
    const ret = await call(gdAdmin, 'POST', `/api/data-catalog/filings/${filingId}/return`, {
      comment: '设备运行数据的安全保护措施描述不完整，请补充。',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json()).toMatchObject({ status: 'returned', review: { clock: { status: 'met' } } });
    expect((await call(gdAdmin, 'POST', `/api/data-catalog/filings/${filingId}/approve`)).json().code).toBe(
      'data_catalog.filing_wrong_state',
    );
    const note = (await call(gd1, 'GET', '/api/notifications')).json().items[0];
    expect(note).toMatchObject({
      kind: 'catalog.filing_returned',
      body: expect.stringContaining('安全保护措施'),
    });

    const [equipment] = (await call(gd1, 'GET', '/api/data-catalog/assets'))
      .json()
      .filter((a: { name: string }) => a.name === '设备运行数据');
    const fix = await call(gd1, 'PATCH', `/api/data-catalog/assets/${equipment.id}`, {
      securityMeasures: '工控网络隔离、访问控制、日志审计、数据加密存储',
    });
    expect(fix.statusCode, fix.body).toBe(200);
    t.clock.advance(3_600_000);
    const again = await call(gd1, 'POST', `/api/data-catalog/filings/${filingId}/resubmit`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'submitted', revision: 2, returnComment: null });
    const detail = (await call(gd1, 'GET', `/api/data-catalog/filings/${filingId}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual([
      'submitted',
      'returned',
      'resubmitted',
    ]);
    expect(detail.events[1].comment).toContain('安全保护措施');
    expect(
      detail.snapshot.find((s: { name: string }) => s.name === '设备运行数据').securityMeasures,
    ).toContain('加密存储');
  });

  it('approves with a certificate the enterprise can print', async () => {
    const r = await call(gdAdmin, 'POST', `/api/data-catalog/filings/${filingId}/approve`);
    expect(r.statusCode, r.body).toBe(200);
    const year = new Date(t.clock.now().getTime() + 8 * 3_600_000).getUTCFullYear();
    expect(r.json().certificateNo).toMatch(new RegExp(`^DSF-440000-${year}-\\d{6}$`));
    const cert = await call(gd1, 'GET', `/api/data-catalog/filings/${filingId}/certificate`);
    expect(cert.statusCode, cert.body).toBe(200);
    expect(cert.json()).toMatchObject({
      certificateNo: r.json().certificateNo,
      orgName: '粤海精密制造有限公司',
      uscc: '91441900MA4WFY3K2M',
      regulatorName: '广东省通信管理局',
      levels: { important: 2, core: 0 },
      outcome: { status: 'draft' },
    });
    expect((await call(gd1, 'GET', '/api/notifications')).json().items[0].kind).toBe(
      'catalog.filing_approved',
    );
  });

  it('opens a change obligation on a ≥30 % change, lapses it when reverted, fulfils it on filing, supersedes', async () => {
    const overview = async () => (await call(gd1, 'GET', '/api/data-catalog/overview')).json();
    expect((await overview()).obligation).toBeNull();
    const big = await call(
      gd1,
      'POST',
      '/api/data-catalog/assets',
      asset({ name: '检测图像库', scale: { records: 1_000_000, volumeMb: 9_000 } }),
    );
    expect(big.statusCode, big.body).toBe(201);
    const open = (await overview()).obligation;
    expect(open.reasons.map((x: { kind: string }) => x.kind)).toEqual(['category', 'scale']);
    expect(open).toMatchObject({ status: 'draft', clock: { status: 'pending' } });

    await call(gd1, 'POST', `/api/data-catalog/assets/${big.json().asset.id}/destroy`);
    expect((await overview()).obligation).toBeNull();

    const [craft] = (await call(gd1, 'GET', '/api/data-catalog/assets?status=active'))
      .json()
      .filter((a: { name: string }) => a.name === '生产工艺参数');
    await call(gd1, 'PATCH', `/api/data-catalog/assets/${craft.id}`, { crossBorder: true });
    const material = (await overview()).obligation;
    expect(material.reasons).toEqual([{ kind: 'material-change' }]);

    const change = await call(gd1, 'POST', '/api/data-catalog/filings');
    expect(change.json()).toMatchObject({ kind: 'change', status: 'submitted' });
    const after = await overview();
    expect(after.obligation).toBeNull();
    expect(after.openFiling.id).toBe(change.json().id);
    const rows = await t.database.raw.query<{ status: string; fulfilled_by_filing_id: string }>(
      `select status, fulfilled_by_filing_id from catalog_refiling_obligations where id = $1`,
      [material.id],
    );
    expect(rows.rows[0]).toEqual({ status: 'fulfilled', fulfilled_by_filing_id: change.json().id });

    const approved = await call(gdAdmin, 'POST', `/api/data-catalog/filings/${change.json().id}/approve`);
    const firstNo = (await call(gd1, 'GET', `/api/data-catalog/filings/${filingId}`)).json();
    expect(firstNo.status).toBe('superseded');
    expect(approved.json().certificateNo).not.toBe(firstNo.certificateNo);
    expect((await call(gd1, 'GET', `/api/data-catalog/filings/${filingId}/certificate`)).json().status).toBe(
      'superseded',
    );
  });
});

describe('catalog watch', () => {
  it('reminds once when a change filing is due soon and once when overdue; flags overdue reviews once', async () => {
    const [craft] = (await call(gd1, 'GET', '/api/data-catalog/assets?status=active'))
      .json()
      .filter((a: { name: string }) => a.name === '生产工艺参数');
    await call(gd1, 'PATCH', `/api/data-catalog/assets/${craft.id}`, {
      scopeOfUse: '工艺研发部、质量部、外协厂',
    });
    const ob = (await call(gd1, 'GET', '/api/data-catalog/overview')).json().obligation;
    const due = new Date(ob.dueAt).getTime();
    const watch = t.app.services.dataCatalog.watch;
    const day = 86_400_000;
    const later = new Date(t.clock.now().getTime() + 60 * day);
    expect((await watch(later)).overdueReviews).toBe(1);
    expect((await watch(later)).overdueReviews).toBe(0);
    const zjNote = (await call(zjAdmin, 'GET', '/api/notifications')).json().items[0];
    expect(zjNote.kind).toBe('catalog.review_overdue');
    const [zjFiling] = (await call(zjAdmin, 'GET', '/api/data-catalog/filings?status=submitted')).json();
    const events = (await call(zjAdmin, 'GET', `/api/data-catalog/filings/${zjFiling.id}`)).json().events;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'review-overdue']);
    expect((await watch(new Date(due - 20 * day))).reminders).toBe(0);
    expect((await watch(new Date(due - 10 * day))).reminders).toBe(1);
    expect((await watch(new Date(due - 9 * day))).reminders).toBe(0);
    expect((await watch(new Date(due + day))).reminders).toBe(1);
    const kinds = (await call(gd1, 'GET', '/api/notifications'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(kinds.filter((k: string) => k === 'catalog.refiling_due')).toHaveLength(2);
  });
});
