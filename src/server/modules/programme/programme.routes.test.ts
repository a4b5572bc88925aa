import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageSummary, ProgrammeOverview } from '../../../contracts/programme';
import { systemContext } from '../../core/actor';
import { type CoverageFact, coverageWindows, enterpriseCoverage } from '../../programme-rules/coverage';
import { bundledProgrammePacks } from '../../programme-rules/programme-pack';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';
import { correctiveActions, examinations, riskAssessments } from '../assessments/assessments.table';
import { catalogFilings, dataAssets, refilingObligations } from '../data-catalog/data-catalog.table';
import { programmeRepository } from './programme.repository';

const { plan } = bundledProgrammePacks();
let t: TestApp;
let ministry: As;
let gd: As;
let zj: As;
let zj1: As;
let vendor: As;
let now: Date;
beforeAll(async () => {
  t = await createTestApp();
  ministry = await t.login('ministry.admin@bulwark.demo');
  gd = await t.login('gd.admin@bulwark.demo');
  zj = await t.login('zj.admin@bulwark.demo');
  zj1 = await t.login('ent.zj1@bulwark.demo');
  vendor = await t.login('vendor.admin@bulwark.demo');
  now = t.clock.now();
});
afterAll(() => t.close());

const get = (as: As, url: string) => t.app.inject({ url, headers: as.headers });
const cst = (local: string) => new Date(`${local}+08:00`);
const year = Number(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());

let n = 0;
/** A fresh enterprise org in `province` with an admin login. */
async function enterprise(provinceCode = '440000'): Promise<As> {
  const email = `programme.${++n}@bulwark.test`;
  await t.app.services.users.createOrgWithAdmin(
    systemContext(),
    { kind: 'enterprise', name: `方案测试企业${n}`, provinceCode },
    { email, name: 'e', password: DEMO_PASSWORD },
  );
  return t.login(email);
}

/** Writes a catalog filing in `status`, decided at `decidedAt` (the other modules' tables, written directly). */
async function filing(
  orgId: string,
  status: string,
  decidedAt: Date | null,
  reviewDueAt = cst(`${year}-12-01T23:59:59`),
) {
  const [r] = await t.database.db
    .insert(catalogFilings)
    .values({
      orgId,
      provinceCode: '440000',
      recipient: 'industry',
      kind: 'initial',
      status,
      snapshot: [],
      categories: { 生产数据: 10 },
      scale: 10,
      submittedAt: decidedAt ?? cst(`${year}-01-05T10:00:00`),
      reviewDueAt,
      decidedAt,
    })
    .returning();
  return r!;
}
async function examination(orgId: string, completedAt: Date) {
  await t.database.db.insert(examinations).values({
    orgId,
    year: Number(completedAt.toISOString().slice(0, 4)),
    libraryVersion: '1.0.0',
    status: 'completed',
    startedAt: completedAt,
    completedAt,
  });
}

describe('coverage: the set-based SQL mirrors enterpriseCoverage', () => {
  it('agrees with the pure rule on a handful of enterprises, edge cases included', async () => {
    const thisYear = cst(`${year}-03-01T09:00:00`);
    const cases: { name: string; facts: CoverageFact[]; status?: string }[] = [
      {
        name: 'approved + exam this year',
        facts: [
          { kind: 'catalog-filing-approved', at: cst('2023-06-01T10:00:00') },
          { kind: 'self-examination-completed', at: thisYear },
        ],
      },
      { name: 'approved only', facts: [{ kind: 'catalog-filing-approved', at: thisYear }] },
      { name: 'exam only', facts: [{ kind: 'self-examination-completed', at: thisYear }] },
      {
        name: 'superseded + exam at the first instant of the year',
        status: 'superseded',
        facts: [
          { kind: 'catalog-filing-approved', at: cst('2024-05-01T10:00:00') },
          { kind: 'self-examination-completed', at: cst(`${year}-01-01T00:00:00`) },
        ],
      },
      {
        name: 'approved + exam at the last instant of last year',
        facts: [
          { kind: 'catalog-filing-approved', at: thisYear },
          { kind: 'self-examination-completed', at: cst(`${year - 1}-12-31T23:59:59.999`) },
        ],
      },
      {
        name: 'approved + exam after now',
        facts: [
          { kind: 'catalog-filing-approved', at: thisYear },
          { kind: 'self-examination-completed', at: new Date(now.getTime() + 60_000) },
        ],
      },
      {
        name: 'approval after now + exam this year',
        facts: [
          { kind: 'catalog-filing-approved', at: new Date(now.getTime() + 60_000) },
          { kind: 'self-examination-completed', at: thisYear },
        ],
      },
      { name: 'nothing', facts: [] },
    ];
    const ids: string[] = [];
    const expected = new Map<string, boolean>();
    for (const c of cases) {
      const e = await enterprise();
      ids.push(e.orgId);
      for (const f of c.facts) {
        if (f.kind === 'catalog-filing-approved') await filing(e.orgId, c.status ?? 'approved', f.at);
        else await examination(e.orgId, f.at);
      }
      expected.set(e.orgId, enterpriseCoverage(plan, c.facts, now).covered);
    }
    // A filing still under review is not an approval, whatever its dates.
    const pending = await enterprise();
    await filing(pending.orgId, 'submitted', null);
    await examination(pending.orgId, thisYear);
    ids.push(pending.orgId);
    expected.set(pending.orgId, false);

    const spec = { allOf: plan.enterpriseCovered.value.allOf, windows: coverageWindows(plan, now) };
    const flags = await programmeRepository.coveredFlags(t.database.db, ids, spec);
    expect(Object.fromEntries(flags)).toEqual(Object.fromEntries(expected));
    expect([...expected.values()].filter(Boolean)).toHaveLength(2);

    // And the regulator's counts are the same predicate over every enterprise in scope.
    const all = (
      await t.database.raw.query<{ id: string; province_code: string }>(
        `select id, province_code from orgs where kind = 'enterprise'`,
      )
    ).rows;
    const every = await programmeRepository.coveredFlags(
      t.database.db,
      all.map((r) => r.id),
      spec,
    );
    const gdIds = all.filter((r) => r.province_code === '440000').map((r) => r.id);
    const res = await get(gd, '/api/programme/coverage');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as CoverageSummary;
    expect(body.scope).toBe('province');
    expect(body.total).toEqual({
      enterprises: gdIds.length,
      covered: gdIds.filter((id) => every.get(id)).length,
    });
    expect(body.byProvince.map((p) => p.provinceCode)).toEqual(['440000']);
    expect(body.definition).toMatchObject({
      allOf: ['catalog-filing-approved', 'self-examination-completed'],
      status: 'unconfirmed',
      clause: plan.enterpriseCovered.clause,
    });
    const national = (await get(ministry, '/api/programme/coverage')).json() as CoverageSummary;
    expect(national.scope).toBe('national');
    expect(national.total.enterprises).toBe(all.length);
    expect(national.total.covered).toBe([...every.values()].filter(Boolean).length);
    expect(national.byProvince.find((p) => p.provinceCode === '440000')).toEqual({
      provinceCode: '440000',
      ...body.total,
    });
    expect(national.target).toMatchObject({ op: 'gt', value: 45000 });
  });

  it('answers 404 for another province, 403 to enterprises and vendors, 400 to a malformed province', async () => {
    expect((await get(zj, '/api/programme/coverage?provinceCode=440000')).statusCode).toBe(404);
    expect((await get(zj1, '/api/programme/coverage')).statusCode).toBe(403);
    expect((await get(vendor, '/api/programme/coverage')).statusCode).toBe(403);
    expect((await get(ministry, '/api/programme/coverage?provinceCode=4400')).statusCode).toBe(400);
    const one = (
      await get(ministry, '/api/programme/coverage?provinceCode=330000')
    ).json() as CoverageSummary;
    expect(one.byProvince.map((p) => p.provinceCode)).toEqual(['330000']);
  });
});

describe('programme overview', () => {
  it('shows a fresh enterprise with important data what to do first, and not covered', async () => {
    const e = await enterprise();
    await t.database.db.insert(dataAssets).values({
      orgId: e.orgId,
      name: '工艺参数库',
      category: '研发数据',
      level: 'important',
      derivedLevel: 'important',
      questionsVersion: '1.0.0',
      records: 1000,
      volumeMb: 20,
      purpose: '研发',
      processingMethod: '存储',
      scopeOfUse: '内部',
      responsiblePerson: '李文',
      externalSharing: false,
      crossBorder: false,
      securityMeasures: '加密',
    });
    const res = await get(e, '/api/programme/overview');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as ProgrammeOverview;
    expect(o.enterprise.id).toBe(e.orgId);
    expect(o.handlesImportantData).toBe(true);
    expect(o.coverage).toMatchObject({
      covered: false,
      by: [],
      missing: ['catalog-filing-approved', 'self-examination-completed'],
      year,
    });
    expect(o.coverage.definition.status).toBe('unconfirmed');
    expect(o.due.map((d) => d.kind)).toEqual([
      'catalog-not-filed',
      'risk-assessment-missing',
      'self-examination-due',
      'training-this-year',
    ]);
    expect(o.due[0]).toMatchObject({ link: '/data-catalog', dueAt: null });
  });

  it('reads filings, change filings, examinations, correctives, risk assessments and training from their tables', async () => {
    const e = await enterprise();
    const approved = await filing(e.orgId, 'approved', cst(`${year}-02-01T10:00:00`));
    await filing(e.orgId, 'submitted', null, cst(`${year}-12-20T23:59:59.999`));
    await t.database.db.insert(refilingObligations).values({
      orgId: e.orgId,
      baselineFilingId: approved.id,
      status: 'open',
      reasons: [{ kind: 'scale' }],
      openedAt: cst(`${year}-02-10T10:00:00`),
      dueAt: cst(`${year}-05-10T23:59:59.999`),
    });
    await examination(e.orgId, cst(`${year}-03-01T10:00:00`));
    await t.database.db.insert(correctiveActions).values([
      {
        orgId: e.orgId,
        sourceKind: 'examination',
        sourceId: approved.id,
        title: 'a',
        dueOn: `${year}-04-01`,
        status: 'open',
      },
      {
        orgId: e.orgId,
        sourceKind: 'examination',
        sourceId: approved.id,
        title: 'b',
        dueOn: `${year}-12-30`,
        status: 'in-progress',
      },
      {
        orgId: e.orgId,
        sourceKind: 'examination',
        sourceId: approved.id,
        title: 'c',
        dueOn: `${year}-01-01`,
        status: 'verified',
      },
    ]);
    await t.database.db.insert(riskAssessments).values({
      orgId: e.orgId,
      provinceCode: '440000',
      performedBy: 'self',
      sections: {},
      status: 'submitted',
      issuedOn: `${year - 1}-12-01`,
      validUntil: `${year}-11-30`,
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/training/sessions',
      headers: e.headers,
      payload: { heldOn: `${year}-01-10`, topic: 't', trainer: 'r', attendees: ['a', 'b'] },
    });
    const o = (await get(e, '/api/programme/overview')).json() as ProgrammeOverview;
    expect(o.coverage).toMatchObject({ covered: true, missing: [] });
    const byKind = Object.fromEntries(o.due.map((d) => [d.kind, d]));
    expect(byKind['filing-under-review']).toMatchObject({
      dueAt: cst(`${year}-12-20T23:59:59.999`).toISOString(),
    });
    expect(byKind['refiling-due']).toMatchObject({ overdue: true, link: '/data-catalog' });
    expect(byKind['corrective-actions-open']).toMatchObject({ count: 2, overdue: true });
    expect(byKind['self-examination-due']).toBeUndefined();
    expect(byKind['training-this-year']).toMatchObject({ count: 2 });
    expect(byKind['catalog-not-filed']).toBeUndefined();
    const dates = o.due.map((d) => d.dueAt ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('lets regulators read an enterprise in scope, and answers 404 outside it', async () => {
    const e = await enterprise('440000');
    expect((await get(gd, `/api/programme/enterprises/${e.orgId}/overview`)).statusCode).toBe(200);
    expect((await get(ministry, `/api/programme/enterprises/${e.orgId}/overview`)).statusCode).toBe(200);
    expect((await get(zj, `/api/programme/enterprises/${e.orgId}/overview`)).statusCode).toBe(404);
    expect((await get(gd, `/api/programme/enterprises/${gd.orgId}/overview`)).statusCode).toBe(404);
    expect((await get(zj1, `/api/programme/enterprises/${e.orgId}/overview`)).statusCode).toBe(403);
    expect((await get(gd, '/api/programme/overview')).statusCode).toBe(403);
    expect((await get(gd, '/api/programme/enterprises/nope/overview')).statusCode).toBe(400);
  });
});
