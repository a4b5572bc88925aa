import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillDetail, Scenario } from '../../../contracts/drills';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let gd1: As;
let member: As;
let gd: As;
let zj: As;
let ministry: As;
let zj1: As;
beforeAll(async () => {
  t = await createTestApp();
  gd1 = await t.login('ent.gd1@bulwark.demo');
  member = await t.login('ent.gd1.member@bulwark.demo');
  gd = await t.login('gd.admin@bulwark.demo');
  zj = await t.login('zj.admin@bulwark.demo');
  ministry = await t.login('ministry.admin@bulwark.demo');
  zj1 = await t.login('ent.zj1@bulwark.demo');
});
afterAll(() => t.close());

const get = (as: As, url: string) => t.app.inject({ url, headers: as.headers });
const send = (as: As, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
const fieldOf = (res: { json: () => { code: string; errors?: { path: string }[] } }) => {
  const p = res.json();
  return [p.code, p.errors?.[0]?.path];
};
const schedule = async (as: As, over: Record<string, unknown> = {}) => {
  const res = await send(as, 'POST', '/api/drills', {
    scenarioId: 'builtin-ransomware',
    scheduledFor: t.clock.now().toISOString(),
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DrillDetail;
};
const notes = async (as: As, kind: string) =>
  (await get(as, '/api/notifications?limit=200'))
    .json()
    .items.filter((n: { kind: string }) => n.kind === kind) as { title: string; link: string }[];

describe('scenario library', () => {
  it('lists the built-ins read-only and copies one into an editable scenario of the enterprise', async () => {
    const list = (await get(gd1, '/api/drills/scenarios')).json() as Scenario[];
    expect(list.filter((s) => s.builtIn).map((s) => s.id)).toEqual([
      'builtin-ransomware',
      'builtin-insider-misuse',
    ]);
    const builtIn = list[0]!;
    expect(
      (await send(gd1, 'PUT', '/api/drills/scenarios/builtin-ransomware', builtIn.definition)).json().code,
    ).toBe('drill.scenario_read_only');
    const copy = await send(member, 'POST', '/api/drills/scenarios', { copyOf: 'builtin-ransomware' });
    expect(copy.statusCode, copy.body).toBe(201);
    const own = copy.json() as Scenario;
    expect(own).toMatchObject({ builtIn: false, basedOn: 'builtin-ransomware' });
    const edited = { ...own.definition, title: { zh: '本厂勒索演练', en: 'Our ransomware drill' } };
    const put = await send(gd1, 'PUT', `/api/drills/scenarios/${own.id}`, edited);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().definition.title.zh).toBe('本厂勒索演练');
    // Another enterprise neither sees nor edits it.
    expect((await get(zj1, `/api/drills/scenarios/${own.id}`)).statusCode).toBe(404);
    expect((await send(zj1, 'PUT', `/api/drills/scenarios/${own.id}`, edited)).statusCode).toBe(404);
    expect(
      (
        await send(zj1, 'POST', '/api/drills', {
          scenarioId: own.id,
          scheduledFor: t.clock.now().toISOString(),
        })
      ).json().errors[0].path,
    ).toBe('body.scenarioId');
    const audit = (await get(gd1, '/api/audit?limit=5'))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['drill.scenario_copied', 'drill.scenario_updated']));
    expect((await send(gd1, 'DELETE', `/api/drills/scenarios/${own.id}`)).statusCode).toBe(204);
    expect((await get(gd1, `/api/drills/scenarios/${own.id}`)).statusCode).toBe(404);
  });

  it('validates an edited scenario with field paths', async () => {
    const own = (
      await send(gd1, 'POST', '/api/drills/scenarios', { copyOf: 'builtin-insider-misuse' })
    ).json() as Scenario;
    const injects = own.definition.injects;
    const swapped = { ...own.definition, injects: [injects[1], injects[0], ...injects.slice(2)] };
    const res = await send(gd1, 'PUT', `/api/drills/scenarios/${own.id}`, swapped);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('body.injects.1.minute');
    const noRoles = { ...own.definition, injects: [{ ...injects[0], roles: [] }] };
    const r2 = await send(gd1, 'PUT', `/api/drills/scenarios/${own.id}`, noRoles);
    expect(r2.json().errors[0].path).toBe('body.injects.0.roles');
    expect((await get(gd, '/api/drills/scenarios')).statusCode).toBe(403);
  });
});

describe('running a ransomware drill', () => {
  let d: DrillDetail;

  it('schedules with participants of the same enterprise only', async () => {
    const bad = await send(gd1, 'POST', '/api/drills', {
      scenarioId: 'builtin-ransomware',
      scheduledFor: t.clock.now().toISOString(),
      participantUserIds: [member.userId, zj1.userId],
    });
    expect(fieldOf(bad)).toEqual(['drill.participant_not_member', 'body.participantUserIds.1']);
    const twice = await send(gd1, 'POST', '/api/drills', {
      scenarioId: 'builtin-ransomware',
      scheduledFor: t.clock.now().toISOString(),
      participantUserIds: [member.userId, member.userId],
    });
    expect(fieldOf(twice)).toEqual(['drill.duplicate_participant', 'body.participantUserIds.1']);
    d = await schedule(gd1, { participantUserIds: [member.userId] });
    expect(d).toMatchObject({
      status: 'scheduled',
      currentMinute: 0,
      title: '勒索软件攻击应急演练',
      delivered: [],
    });
    expect(d.participants.map((p) => p.userId)).toEqual([member.userId]);
    expect((await send(member, 'POST', `/api/drills/${d.id}/start`)).statusCode).toBe(403);
    expect(
      (
        await send(member, 'POST', `/api/drills/${d.id}/actions`, { injectKey: 'initial-access', text: 'x' })
      ).json().code,
    ).toBe('drill.wrong_state');
  });

  it('starts: minute-0 injects delivered, participants told', async () => {
    const res = await send(gd1, 'POST', `/api/drills/${d.id}/start`);
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
    expect(d.status).toBe('running');
    expect(d.delivered.map((x) => x.key)).toEqual(['initial-access']);
    expect(d.nextInjectMinute).toBe(10);
    expect((await notes(member, 'drill.started'))[0]?.link).toBe(`/drills/${d.id}`);
    expect((await send(gd1, 'POST', `/api/drills/${d.id}/start`)).json().code).toBe('drill.wrong_state');
  });

  it('lets a participant record actions only against delivered injects', async () => {
    const early = await send(member, 'POST', `/api/drills/${d.id}/actions`, {
      injectKey: 'recovery',
      text: '恢复',
    });
    expect(fieldOf(early)).toEqual(['drill.inject_not_delivered', 'body.injectKey']);
    const badClaim = await send(member, 'POST', `/api/drills/${d.id}/actions`, {
      injectKey: 'initial-access',
      text: 'x',
      claim: 'guessed',
    });
    expect(badClaim.statusCode).toBe(400);
    expect(badClaim.json().errors[0].path).toBe('body.claim');
    await send(gd1, 'POST', `/api/drills/${d.id}/advance`, { minutes: 5 });
    const ok = await send(member, 'POST', `/api/drills/${d.id}/actions`, {
      injectKey: 'initial-access',
      text: '确认告警为真，已关闭远程运维端口',
      claim: 'detected',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    d = ok.json();
    expect(d.actions).toMatchObject([{ minute: 5, claim: 'detected', userId: member.userId }]);
    // Another enterprise's user cannot even see the drill.
    expect(
      (await send(zj1, 'POST', `/api/drills/${d.id}/actions`, { injectKey: 'initial-access', text: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it('raises the practice incident at tier II with both ministry clocks when the raising inject is delivered', async () => {
    for (const to of [10, 20, 30]) {
      d = (await send(gd1, 'POST', `/api/drills/${d.id}/advance`, { to: 'next' })).json();
      expect(d.currentMinute).toBe(to);
      expect(d.incident).toBeNull();
    }
    const res = await send(gd1, 'POST', `/api/drills/${d.id}/advance`, { to: 'next' });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
    expect(d.currentMinute).toBe(40);
    expect(d.incident).toMatchObject({ tier: 'II', practice: true });
    expect(d.incident!.decisive).toContain('dataType');
    const clocks = Object.fromEntries(d.incident!.clocks.map((c) => [c.duty, c.minutes]));
    expect(clocks).toMatchObject({ 'regulator-phone': 10, 'regulator-written': 30 });
    const inc = (await get(gd1, `/api/incidents/${d.incident!.id}`)).json();
    expect(inc).toMatchObject({ practice: true, drillId: d.id, tier: 'II' });
    // A practice incident never reaches the regulator.
    expect((await get(gd, `/api/incidents/${d.incident!.id}`)).statusCode).toBe(404);
    // Delivered once: advancing on does not raise a second incident.
    d = (await send(gd1, 'POST', `/api/drills/${d.id}/advance`, { minutes: 3 })).json();
    expect(d.incident!.id).toBe(inc.id);
  });

  it('lets the facilitator mark expectations with field-path errors, measures and completes', async () => {
    const noExp = await send(gd1, 'POST', `/api/drills/${d.id}/expectations`, {
      injectKey: 'ransom-note',
      expectation: 'detected',
      status: 'met',
    });
    expect(fieldOf(noExp)).toEqual(['drill.no_such_expectation', 'body.expectation']);
    const notYet = await send(gd1, 'POST', `/api/drills/${d.id}/expectations`, {
      injectKey: 'recovery',
      expectation: 'restored',
      status: 'met',
    });
    expect(fieldOf(notYet)).toEqual(['drill.inject_not_delivered', 'body.injectKey']);
    expect(
      (
        await send(member, 'POST', `/api/drills/${d.id}/expectations`, {
          injectKey: 'initial-access',
          expectation: 'detected',
          status: 'met',
        })
      ).statusCode,
    ).toBe(403);
    const mark = (injectKey: string, expectation: string, status = 'met') =>
      send(gd1, 'POST', `/api/drills/${d.id}/expectations`, { injectKey, expectation, status });
    expect((await mark('initial-access', 'detected')).statusCode).toBe(200);
    await mark('encryption-detected', 'contained');
    await mark('data-leak-threat', 'reported-in-time', 'missed');
    d = (await send(gd1, 'POST', `/api/drills/${d.id}/advance`, { to: 'next' })).json();
    d = (await send(gd1, 'POST', `/api/drills/${d.id}/advance`, { to: 'next' })).json();
    expect(d.currentMinute).toBe(70);
    expect(fieldOf(await send(gd1, 'POST', `/api/drills/${d.id}/advance`, { to: 'next' }))[0]).toBe(
      'drill.no_next_inject',
    );
    d = (await mark('recovery', 'restored')).json();
    // Detected by the member's action at minute 5; contained marked at 43 (budget 30 from minute 10: late).
    expect(d.measures).toEqual({
      timeToDetect: 5,
      timeToContain: 43,
      timeToReport: null,
      timeToRestore: 70,
      met: 3,
      total: 4,
      score: 63,
    });
    const done = await send(gd1, 'POST', `/api/drills/${d.id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    d = done.json();
    expect(d).toMatchObject({ status: 'completed', score: 63, currentMinute: 70, canParticipate: false });
    expect((await send(gd1, 'POST', `/api/drills/${d.id}/advance`, { to: 'next' })).json().code).toBe(
      'drill.wrong_state',
    );
  });

  it('keeps lessons and refuses corrective actions for an unknown lesson or a past date', async () => {
    const res = await send(gd1, 'PUT', `/api/drills/${d.id}/lessons`, {
      lessons: ['远程运维端口不得直接暴露在互联网', '书面报告模板需预先准备'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lessons).toHaveLength(2);
    const nope = await send(gd1, 'POST', `/api/drills/${d.id}/corrective-actions`, {
      lesson: 5,
      dueOn: '2099-01-01',
    });
    expect(fieldOf(nope)).toEqual(['drill.no_such_lesson', 'body.lesson']);
    const past = await send(gd1, 'POST', `/api/drills/${d.id}/corrective-actions`, {
      lesson: 0,
      dueOn: '2020-01-01',
    });
    expect(fieldOf(past)).toEqual(['drill.due_in_past', 'body.dueOn']);
    const owner = await send(gd1, 'POST', `/api/drills/${d.id}/corrective-actions`, {
      lesson: 0,
      dueOn: '2099-01-01',
      ownerUserId: zj1.userId,
    });
    expect(fieldOf(owner)).toEqual(['drill.participant_not_member', 'body.ownerUserId']);
    const raised = await send(gd1, 'POST', `/api/drills/${d.id}/corrective-actions`, {
      lesson: 0,
      dueOn: '2099-01-01',
      ownerUserId: member.userId,
    });
    expect(raised.statusCode, raised.body).toBe(200);
    d = raised.json();
    expect(d.correctiveActions).toMatchObject([
      { title: '远程运维端口不得直接暴露在互联网', status: 'open', dueOn: '2099-01-01' },
    ]);
    // On the programme's board, linked to the drill, and the owner told.
    const board = (await get(member, `/api/corrective-actions?sourceId=${d.id}`)).json();
    expect(board).toMatchObject([{ sourceKind: 'drill', sourceId: d.id, ownerUserId: member.userId }]);
    expect((await notes(member, 'corrective_action.assigned')).length).toBeGreaterThan(0);
  });

  it('gives the after-action report as JSON', async () => {
    const r = (await get(gd1, `/api/drills/${d.id}/report`)).json();
    expect(r.drill.title).toBe('勒索软件攻击应急演练');
    expect(r.measures.score).toBe(63);
    expect(r.injects).toHaveLength(7);
    expect(r.incident.tier).toBe('II');
    expect(r.lessons).toHaveLength(2);
    expect(r.correctiveActions).toHaveLength(1);
  });

  it('files with the provincial regulator: the province and the ministry see it, another province 404', async () => {
    expect((await get(gd, `/api/drills/${d.id}`)).statusCode).toBe(404);
    expect((await send(member, 'POST', `/api/drills/${d.id}/file`)).statusCode).toBe(403);
    const filed = await send(gd1, 'POST', `/api/drills/${d.id}/file`);
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().filedAt).not.toBeNull();
    expect((await send(gd1, 'POST', `/api/drills/${d.id}/file`)).json().code).toBe('drill.filed');
    expect((await send(gd1, 'PUT', `/api/drills/${d.id}/lessons`, { lessons: [] })).json().code).toBe(
      'drill.filed',
    );
    expect((await notes(gd, 'drill.filed')).some((n) => n.link === `/drills/${d.id}/report`)).toBe(true);
    expect((await notes(zj, 'drill.filed')).some((n) => n.link === `/drills/${d.id}/report`)).toBe(false);
    const seen = (await get(gd, '/api/drills')).json().items.map((x: { id: string }) => x.id);
    expect(seen).toContain(d.id);
    const view = (await get(gd, `/api/drills/${d.id}`)).json() as DrillDetail;
    expect(view.incident).toMatchObject({ tier: 'II', clocks: [] });
    expect(view.canFacilitate).toBe(false);
    expect((await get(ministry, `/api/drills/${d.id}/report`)).statusCode).toBe(200);
    expect((await get(zj, `/api/drills/${d.id}`)).statusCode).toBe(404);
    expect((await get(zj, `/api/drills/${d.id}/report`)).statusCode).toBe(404);
    expect((await get(zj, '/api/drills')).json().items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    const audit = (await get(gd1, '/api/audit?limit=50'))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(
      expect.arrayContaining([
        'drill.scheduled',
        'drill.started',
        'drill.advanced',
        'drill.action_recorded',
        'drill.expectation_marked',
        'drill.completed',
        'drill.lessons_set',
        'drill.corrective_action_raised',
        'drill.filed',
      ]),
    );
  });

  it('counts filed drills per province in a period for the supervision work', async () => {
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const mine = (await get(gd, `/api/drills/filed-count?from=${today}&to=${today}`)).json();
    expect(mine.byProvince).toEqual([
      { provinceCode: '440000', drills: expect.any(Number), enterprises: expect.any(Number) },
    ]);
    expect(mine.byProvince[0].drills).toBeGreaterThanOrEqual(1);
    const all = (await get(ministry, `/api/drills/filed-count?from=${today}&to=${today}`)).json();
    expect(all.byProvince.map((p: { provinceCode: string }) => p.provinceCode)).toContain('440000');
    expect((await get(zj, `/api/drills/filed-count?from=${today}&to=${today}`)).json().byProvince).toEqual(
      [],
    );
    const backwards = await get(gd, '/api/drills/filed-count?from=2026-02-01&to=2026-01-01');
    expect(fieldOf(backwards)).toEqual(['drill.bad_period', 'query.to']);
    expect((await get(gd1, `/api/drills/filed-count?from=${today}&to=${today}`)).statusCode).toBe(403);
  });
});

describe('real-time mode', () => {
  it('delivers injects by the wall clock from the start', async () => {
    const d = await schedule(gd1, { mode: 'real-time', participantUserIds: [member.userId] });
    await send(gd1, 'POST', `/api/drills/${d.id}/start`);
    expect((await send(gd1, 'POST', `/api/drills/${d.id}/advance`, { to: 'next' })).json().code).toBe(
      'drill.real_time_clock',
    );
    t.clock.advance(41 * 60_000);
    const view = (await get(member, `/api/drills/${d.id}`)).json() as DrillDetail;
    expect(view.currentMinute).toBe(41);
    expect(view.delivered.map((x) => x.key)).toContain('data-leak-threat');
    const synced = (await send(member, 'POST', `/api/drills/${d.id}/sync`)).json() as DrillDetail;
    expect(synced.incident?.tier).toBe('II');
  });
});

describe('demo seed', () => {
  it('has a completed ransomware drill of ent.gd2 filed with Guangdong, with its practice incident and lessons', async () => {
    const filed = (await get(gd, '/api/drills?filed=true')).json().items as { id: string; orgName: string }[];
    const gd2 = await t.login('ent.gd2@bulwark.demo');
    const own = (await get(gd2, '/api/drills')).json().items as { id: string }[];
    const seeded = filed.find((x) => own.some((o) => o.id === x.id));
    expect(seeded).toBeDefined();
    const d = (await get(gd2, `/api/drills/${seeded!.id}`)).json() as DrillDetail;
    expect(d).toMatchObject({ status: 'completed', incidentTier: 'II' });
    expect(d.measures).toMatchObject({
      timeToDetect: 8,
      timeToContain: 24,
      timeToReport: null,
      met: 3,
      total: 4,
    });
    expect(d.lessons).toHaveLength(3);
    expect(d.correctiveActions).toEqual([]);
    expect(d.incident!.clocks.find((c) => c.duty === 'regulator-phone')?.state).toBe('met');
    expect((await get(zj, `/api/drills/${seeded!.id}`)).statusCode).toBe(404);
  });
});
