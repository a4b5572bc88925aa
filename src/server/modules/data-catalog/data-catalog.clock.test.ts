import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

/** Review and re-filing clocks on a manual clock set just before National Day 2026 (国庆节 1–7 October). */
let t: TestApp;
const cst = (local: string) => new Date(`${local}+08:00`);
const DAY = 86_400_000;

const call = (as: As, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: as.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({}, cst('2026-09-30T10:00:00'));
});
afterAll(() => t.close());

describe('catalog filing clocks', () => {
  let filingId: string;

  it('gives the regulator 20 China working days, skipping National Day and counting 调休 Saturday 10 October', async () => {
    const ent = await t.login('ent.gd1@bulwark.demo');
    const r = await call(ent, 'POST', '/api/data-catalog/filings');
    expect(r.statusCode, r.body).toBe(201);
    filingId = r.json().id;
    expect(r.json().review).toMatchObject({
      lastDay: '2026-11-03',
      dueAt: cst('2026-11-03T23:59:59.999').toISOString(),
      workingDaysLeft: 20,
      uncoveredYears: [],
      overdue: false,
    });
  });

  it('counts the working days left after the holiday', async () => {
    t.clock.advance(8 * DAY);
    const gd = await t.login('gd.admin@bulwark.demo');
    const [queued] = (await call(gd, 'GET', '/api/data-catalog/filings?status=submitted')).json();
    expect(queued).toMatchObject({
      id: filingId,
      review: { workingDaysLeft: 19, clock: { status: 'pending' } },
    });
    expect((await call(gd, 'POST', `/api/data-catalog/filings/${filingId}/approve`)).statusCode).toBe(200);
  });

  it('dates a change filing 3 months after a 30 November change at the end of February (Civil Code art. 202)', async () => {
    t.clock.advance(cst('2026-11-30T10:00:00').getTime() - t.clock.now().getTime());
    const ent = await t.login('ent.gd1@bulwark.demo');
    const [craft] = (await call(ent, 'GET', '/api/data-catalog/assets?status=active'))
      .json()
      .filter((a: { name: string }) => a.name === '生产工艺参数');
    const r = await call(ent, 'PATCH', `/api/data-catalog/assets/${craft.id}`, {
      purpose: '工艺优化、质量追溯与对外技术合作',
    });
    expect(r.statusCode, r.body).toBe(200);
    const { obligation } = (await call(ent, 'GET', '/api/data-catalog/overview')).json();
    expect(obligation).toMatchObject({
      lastDay: '2027-02-28',
      dueAt: cst('2027-02-28T23:59:59.999').toISOString(),
      openedAt: cst('2026-11-30T10:00:00').toISOString(),
      reasons: [{ kind: 'material-change' }],
    });
  });
});
