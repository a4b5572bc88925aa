import { call, type Session } from './client';
import type { Engine } from './engine';
import { checkInvariants } from './invariants';
import { WRITE_KINDS, type WriteKind } from './writes';

/** One write that got a 2xx; `id` is missing only when the kill cut the body after the status line. */
export interface Ack {
  kind: WriteKind;
  nonce: string;
  cycle: number;
  id?: string;
}

/** A write the kill cut off before any 2xx: it may or may not have committed. */
export interface InFlight {
  kind: WriteKind;
  nonce: string;
}

/** Findings about lost writes, keyed by the write, so a write found twice counts once. */
export class Lost {
  readonly keys = new Set<string>();
  readonly lines: string[] = [];
  add(key: string, line: string) {
    this.keys.add(key);
    this.lines.push(line);
  }
}

/** After a restart: every write acknowledged in `cycle` reads back whole through the API. */
export async function verifyAcks(baseUrl: string, sessions: Map<string, Session>, acks: Ack[], lost: Lost) {
  for (const a of acks) {
    if (!a.id) continue; // The final direct check finds it by its nonce.
    const r = await call(baseUrl, sessions.get(a.kind.email)!, 'GET', a.kind.detailPath(a.id));
    const what = `cycle ${a.cycle}: ${a.kind.name} ${a.id} (${a.nonce})`;
    if (r.status === 401) lost.add(`session:${a.kind.email}`, `the session of ${a.kind.email} (a 200 login)`);
    else if (r.status !== 200) lost.add(a.nonce, `${what} → ${r.status}`);
    else {
      const problem = a.kind.checkDetail(r.body, a.nonce);
      if (problem) lost.add(a.nonce, `${what} half-written: ${problem}`);
    }
  }
}

/** The audit chain verifies over the API; returns its head seq. */
export async function verifyAudit(baseUrl: string, admin: Session, violations: string[], when: string) {
  const r = await call(baseUrl, admin, 'GET', '/api/audit/verify');
  const v = r.body as { ok?: boolean; rows?: number; headSeq?: number | null; firstBroken?: unknown };
  if (r.status !== 200 || !v.ok)
    violations.push(`${when}: audit chain does not verify: ${JSON.stringify(r.body)}`);
  return v.headSeq ?? 0;
}

/** Acknowledged writes looked up directly in the database, by id or by nonce; and the in-flight ones that committed. */
export async function directCheck(engine: Engine, acks: Ack[], inFlight: InFlight[]) {
  const database = await engine.open();
  try {
    const lost: [string, string][] = [];
    let committed = 0;
    for (const kind of WRITE_KINDS) {
      const { rows } = await database.raw.query<{ id: string; text: string }>(
        `select id::text as id, ${kind.nonceColumn} as text from ${kind.table} where ${kind.nonceColumn} like '崩溃测试%'`,
      );
      const ids = new Set(rows.map((r) => r.id));
      const nonces = new Set(rows.map((r) => r.text.split(' ').at(-1)));
      for (const a of acks.filter((x) => x.kind === kind)) {
        if (a.id ? !ids.has(a.id) : !nonces.has(a.nonce))
          lost.push([
            a.nonce,
            `cycle ${a.cycle}: ${kind.name} ${a.id ?? '(no id)'} (${a.nonce}) missing from ${kind.table}`,
          ]);
      }
      committed += inFlight.filter((w) => w.kind === kind && nonces.has(w.nonce)).length;
    }
    const violations = await checkInvariants(database.raw);
    const audit = await database.raw.query<{ n: string }>('select count(*) as n from audit_log');
    return { lost, committed, violations, auditRows: Number(audit.rows[0]!.n) };
  } finally {
    await database.close();
  }
}
