import type { Ack, InFlight } from './checks';
import { call, type Session } from './client';
import type { ServerProcess } from './server';
import { type Fixtures, WRITE_KINDS, type WriteKind } from './writes';

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads what the write bodies need from the seeded demo data. */
export async function fixtures(baseUrl: string, sessions: Map<string, Session>): Promise<Fixtures> {
  const vendor = sessions.get('vendor.admin@bulwark.demo')!;
  const me = await call(baseUrl, vendor, 'GET', '/api/auth/me');
  const orgId = (me.body as { org: { id: string } }).org.id;
  const products = await call(baseUrl, vendor, 'GET', `/api/products?vendorOrgId=${orgId}&limit=1`);
  const productId = (products.body as { items: { id: string }[] }).items[0]?.id;
  const q = await call(baseUrl, sessions.get('ent.zj1@bulwark.demo')!, 'GET', '/api/data-catalog/questions');
  const questions = (q.body as { questions: { id: string; answers: { key: string }[] }[] }).questions;
  if (!productId || !questions?.length)
    throw new Error('demo data lacks a vendor product or wizard questions');
  const answers = Object.fromEntries(questions.map((x) => [x.id, x.answers[0]!.key]));
  // Raising importance makes every asset "important", which recomputes the re-filing obligation on each write.
  return { productId, answers: { ...answers, 'important-definition': 'yes' } };
}

/**
 * Drives concurrent multi-table writes, one client per kind; `delayMs` after every kind has had a 2xx, SIGKILLs the
 * server. Every 2xx is recorded with its id; a connection the kill cut is in flight: it may or may not have committed.
 */
export async function driveAndKill(
  server: ServerProcess,
  sessions: Map<string, Session>,
  f: Fixtures,
  cycle: number,
  tag: string,
  delayMs: number,
  acks: Ack[],
  inFlight: InFlight[],
  problems: string[],
) {
  let stopping = false;
  const acked = new Set<WriteKind>();
  let flowing!: () => void;
  const allFlowing = new Promise<void>((resolve) => {
    flowing = resolve;
  });
  const client = async (kind: WriteKind) => {
    for (let n = 1; !stopping; n++) {
      const nonce = `${tag}c${cycle}${kind.name[0]}${n}`;
      const r = await call(server.baseUrl, sessions.get(kind.email)!, 'POST', kind.path, kind.body(nonce, f));
      if (r.status >= 200 && r.status < 300) {
        acks.push({ kind, nonce, cycle, id: kind.idOf(r.body) });
        acked.add(kind);
        if (acked.size === WRITE_KINDS.length) flowing();
      } else if (r.status === 0) {
        inFlight.push({ kind, nonce });
        return;
      } else {
        problems.push(
          `cycle ${cycle}: ${kind.name} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`,
        );
        return;
      }
    }
  };
  const clients = Promise.all(WRITE_KINDS.map(client));
  // Bounded, in case a writer keeps failing: then `problems` says why.
  await Promise.race([allFlowing, clients, new Promise((r) => setTimeout(r, 60_000).unref())]);
  await sleep(delayMs);
  stopping = true;
  await server.kill9();
  await clients;
}
