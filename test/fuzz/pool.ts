import type { Operation } from './openapi';
import type { Ref } from './schema-arb';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PER_KEY = 256;
const GLOBAL = 4096;

/**
 * Ids of existing objects, harvested from responses and keyed by the collection path that listed or created them
 * (`/api/products`, `/api/orgs/{id}/users`), so `{userId}` in `/api/orgs/{id}/users/{userId}` draws user ids.
 * Ids of the fuzzer's own users and tokens are never handed out, so it cannot disable or revoke itself.
 */
export class IdPool {
  private readonly byKey = new Map<string, string[]>();
  private readonly global: string[] = [];
  private readonly seen = new Set<string>();
  readonly protectedIds = new Set<string>();

  constructor(private readonly paramNames: Set<string>) {}

  /** Adds one id under a key (ring buffer per key, bounded overall). */
  add(key: string, id: string) {
    if (this.protectedIds.has(id)) return;
    const list = this.byKey.get(key) ?? [];
    this.byKey.set(key, list);
    if (!list.includes(id)) {
      if (list.length >= PER_KEY) list[Math.floor(Math.random() * PER_KEY)] = id;
      else list.push(id);
    }
    if (UUID.test(id) && !this.seen.has(id)) {
      if (this.global.length >= GLOBAL) {
        const out = Math.floor(Math.random() * GLOBAL);
        this.seen.delete(this.global[out]!);
        this.global[out] = id;
      } else this.global.push(id);
      this.seen.add(id);
    }
  }

  /** An id for a Ref: from the matching collection, a same-named field, a related collection, or any id. */
  resolve(ref: Ref): string {
    const list = this.candidates(ref.hint);
    if (list.length) return list[ref.n % list.length]!;
    return this.global.length
      ? this.global[ref.n % this.global.length]!
      : '00000000-0000-4000-8000-000000000000';
  }

  private candidates(hint: string): string[] {
    const exact = this.byKey.get(hint);
    if (exact?.length) return exact;
    const named = this.byKey.get(`name:${hint}`);
    if (named?.length) return named;
    const last = hint.startsWith('/') ? hint.split('/').at(-1)! : hint.toLowerCase();
    for (const [k, list] of this.byKey) {
      if (k.startsWith('name:') || !list.length) continue;
      const seg = k.split('/').at(-1)!.toLowerCase();
      if (seg === last || seg === `${last}s` || seg.startsWith(last)) return list;
    }
    return [];
  }

  /** Records ids from a 2xx JSON response of `op` (see the class comment for the keys used). */
  harvest(op: Operation, body: unknown) {
    const items = Array.isArray(body)
      ? body
      : body && typeof body === 'object'
        ? Array.isArray((body as { items?: unknown }).items)
          ? ((body as { items: unknown[] }).items ?? [])
          : Array.isArray((body as { rows?: unknown }).rows)
            ? (body as { rows: unknown[] }).rows
            : [body]
        : [];
    const own = op.pathParams.length === 0 || op.method !== 'GET';
    for (const it of items) {
      if (!it || typeof it !== 'object') continue;
      const id = (it as { id?: unknown }).id;
      if (own && typeof id === 'string') this.add(op.path, id);
      for (const [k, v] of Object.entries(it)) {
        if (Array.isArray(v) && op.method === 'GET' && op.pathParams.length)
          for (const x of v) {
            const xid = (x as { id?: unknown } | null)?.id;
            if (typeof xid === 'string') this.add(`${op.path}/${k}`, xid);
          }
      }
    }
    this.walk(body, 0, { n: 0 });
  }

  private walk(v: unknown, depth: number, budget: { n: number }) {
    if (depth > 6 || ++budget.n > 3000) return;
    if (Array.isArray(v)) for (const x of v) this.walk(x, depth + 1, budget);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === 'string') {
          if (this.paramNames.has(k) && k !== 'id') this.add(`name:${k}`, x);
          if (UUID.test(x)) this.add(`name:${k.endsWith('Id') ? k.slice(0, -2) : k}`, x);
        } else this.walk(x, depth + 1, budget);
      }
    }
  }

  /** Ids held, for the report. */
  size() {
    return { keys: this.byKey.size, ids: this.global.length };
  }
}
