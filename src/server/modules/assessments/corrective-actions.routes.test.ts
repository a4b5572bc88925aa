import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/actor';
import { inTransaction } from '../../db/tx';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let admin: As;
let second: As;
let gd1: As;
let gdReg: As;
let zj1: As;
let ids: { rw01: string; rw02: string };

const DAY = 86_400_000;
const call = (as: As, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: as.headers, ...(payload ? { payload } : {}) });
const move = (as: As, id: string, body: object) =>
  call(as, 'POST', `/api/corrective-actions/${id}/transitions`, body);
const upload = (as: As, id: string) =>
  call(as, 'POST', `/api/corrective-actions/${id}/evidence`, {
    filename: '整改证明.pdf',
    contentType: 'application/pdf',
    contentBase64: Buffer.from('%PDF-1.4 整改').toString('base64'),
  });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('ent.gd2@bulwark.demo');
  await t.app.services.users.addUser(systemContext(), admin.orgId, {
    email: 'gd2.second@bulwark.test',
    name: '复核人',
    password: DEMO_PASSWORD,
    role: 'member',
  });
  [second, gd1, gdReg, zj1] = (await Promise.all(
    ['gd2.second@bulwark.test', 'ent.gd1@bulwark.demo', 'gd.admin@bulwark.demo', 'ent.zj1@bulwark.demo'].map(
      (e) => t.login(e),
    ),
  )) as [As, As, As, As];
  const lib = (await call(admin, 'GET', '/api/controls')).json();
  const all: string[] = lib.groups.flatMap((g: { controls: { id: string }[] }) =>
    g.controls.map((c) => c.id),
  );
  const exam = (await call(admin, 'POST', '/api/examinations')).json();
  await call(admin, 'PATCH', `/api/examinations/${exam.id}/answers`, {
    answers: all.map((c) => ({ controlId: c, answer: c === 'RW-01' || c === 'RW-02' ? 'no' : 'yes' })),
  });
  expect((await call(admin, 'POST', `/api/examinations/${exam.id}/complete`)).statusCode).toBe(200);
  const actions = (await call(admin, 'GET', `/api/corrective-actions?sourceId=${exam.id}`)).json();
  ids = { rw01: actions[0].id, rw02: actions[1].id };
});
afterAll(() => t.close());

describe('corrective-action board', () => {
  it('filters by status, owner and overdue', async () => {
    const open = (await call(admin, 'GET', '/api/corrective-actions?status=open')).json();
    expect(open.map((a: { id: string }) => a.id).sort()).toEqual([ids.rw01, ids.rw02].sort());
    expect((await call(admin, 'GET', `/api/corrective-actions?ownerUserId=${second.userId}`)).json()).toEqual(
      [],
    );
    expect((await call(admin, 'GET', '/api/corrective-actions?overdue=true')).json()).toEqual([]);
    expect((await call(gdReg, 'GET', `/api/corrective-actions/${ids.rw01}`)).statusCode).toBe(200);
    expect((await call(zj1, 'GET', `/api/corrective-actions/${ids.rw01}`)).statusCode).toBe(404);
    expect((await call(gd1, 'GET', `/api/corrective-actions/${ids.rw01}`)).statusCode).toBe(404);
  });

  it('reassigns only to the enterprise’s own users and notifies the new owner alone', async () => {
    const outsider = await call(admin, 'PATCH', `/api/corrective-actions/${ids.rw01}`, {
      ownerUserId: gd1.userId,
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0]).toMatchObject({
      path: 'body.ownerUserId',
      code: 'corrective_action.owner',
    });
    const res = await call(admin, 'PATCH', `/api/corrective-actions/${ids.rw01}`, {
      ownerUserId: second.userId,
      dueOn: '2020-01-01',
      detail: '更换备份介质',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ownerUserId: second.userId, ownerName: '复核人', overdue: true });
    const mine = (await call(second, 'GET', '/api/notifications')).json().items;
    expect(mine.some((n: { kind: string }) => n.kind === 'corrective_action.assigned')).toBe(true);
    const adminsOwn = (await call(admin, 'GET', '/api/notifications')).json().items;
    expect(adminsOwn.some((n: { kind: string }) => n.kind === 'corrective_action.assigned')).toBe(false);
    const overdue = (await call(admin, 'GET', '/api/corrective-actions?overdue=true')).json();
    expect(overdue.map((a: { id: string }) => a.id)).toEqual([ids.rw01]);
    expect(
      (await call(gdReg, 'PATCH', `/api/corrective-actions/${ids.rw01}`, { detail: 'x' })).statusCode,
    ).toBe(403);
  });

  it('needs evidence and a resolution text to resolve', async () => {
    expect((await move(admin, ids.rw01, { action: 'start' })).json().status).toBe('in-progress');
    const noEvidence = await move(admin, ids.rw01, { action: 'resolve', resolution: '已更换' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().code).toBe('corrective_action.evidence_required');
    expect((await upload(admin, ids.rw01)).statusCode).toBe(201);
    const noText = await move(admin, ids.rw01, { action: 'resolve' });
    expect(noText.statusCode).toBe(400);
    const ok = await move(admin, ids.rw01, { action: 'resolve', resolution: '已更换为离线磁带' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'resolved', resolvedBy: admin.userId, overdue: false });
    expect(ok.json().evidence).toHaveLength(1);
  });

  it('is verified by someone other than the resolver (four-eyes)', async () => {
    const self = await move(admin, ids.rw01, { action: 'verify', note: '自己核验' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('corrective_action.four_eyes');
    const ok = await move(second, ids.rw01, { action: 'verify', note: '现场核验通过' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'verified', verifiedBy: second.userId });
    const again = await move(second, ids.rw01, { action: 'reopen' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('corrective_action.wrong_state');
    expect((await upload(admin, ids.rw01)).statusCode).toBe(409);
  });

  it('reopens a resolved action and audits every move', async () => {
    await upload(second, ids.rw02);
    expect((await move(second, ids.rw02, { action: 'resolve', resolution: '补丁已打' })).statusCode).toBe(
      200,
    );
    const reopened = await move(admin, ids.rw02, { action: 'reopen', note: '复核发现仍有主机未打补丁' });
    expect(reopened.json()).toMatchObject({ status: 'in-progress', resolvedBy: null });
    expect((await move(admin, ids.rw02, { action: 'verify', note: 'x' })).statusCode).toBe(409);
    const audit = await t.database.raw.query<{ action: string }>(
      "select action from audit_log where entity_type = 'corrective_action' and entity_id = $1 order by seq",
      [ids.rw02],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'corrective_action.evidence_added',
      'corrective_action.resolve',
      'corrective_action.reopen',
    ]);
  });

  it('takes actions raised by another module (a drill) onto the same board', async () => {
    const drillId = '00000000-0000-4000-8000-000000000001';
    const ctx = { ...systemContext('drill'), now: t.clock.now(), actor: null };
    const { id } = await inTransaction(t.database.db, (tx) =>
      t.app.services.correctiveActions.raise(tx, ctx, {
        orgId: admin.orgId,
        sourceKind: 'drill',
        sourceId: drillId,
        title: '演练发现：备份恢复超时',
        ownerUserId: second.userId,
      }),
    );
    const a = (await call(second, 'GET', `/api/corrective-actions/${id}`)).json();
    expect(a).toMatchObject({
      sourceKind: 'drill',
      sourceId: drillId,
      status: 'open',
      ownerUserId: second.userId,
    });
    const outsider = inTransaction(t.database.db, (tx) =>
      t.app.services.correctiveActions.raise(tx, ctx, {
        orgId: admin.orgId,
        sourceKind: 'drill',
        sourceId: drillId,
        title: 'x',
        ownerUserId: gd1.userId,
      }),
    );
    await expect(outsider).rejects.toMatchObject({ code: 'corrective_action.owner' });
  });

  it('marks actions overdue once their due day has passed (Shanghai days)', async () => {
    t.clock.advance(91 * DAY);
    // Sessions lapse over 91 days; sign in again.
    const overdue = (
      await call(await t.login('ent.gd2@bulwark.demo'), 'GET', '/api/corrective-actions?overdue=true')
    ).json();
    expect(overdue.map((a: { controlId: string | null }) => a.controlId)).toEqual(['RW-02', null]);
  });
});
