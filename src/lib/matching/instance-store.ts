import { ensureInt32 } from './arrays';

const NONE = -1;
/** Slot of an instance stored by `load` and not yet placed by the compaction that ends it. */
const UNPLACED = -2;

/**
 * Instances (dense non-negative int32 ids) grouped by version id. Most instances sit in one compacted block,
 * `members`, where each version's instances are contiguous and in id order, so walking a version's instances
 * reads memory sequentially. Instances added since the last compaction hang off a per-version doubly linked
 * overflow list; removed ones leave a tombstone (-1) in the block. Both are folded back by {@link compact},
 * which runs automatically once they exceed a quarter of the block (amortised O(1) per change).
 *
 * Memory: 20 bytes per instance id (version, block slot, two list links, block entry) plus 16 per version.
 */
export class InstanceStore {
  private version = new Int32Array(0);
  private slot = new Int32Array(0);
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  private members = new Int32Array(0);
  private start = new Int32Array(0);
  private end = new Int32Array(0);
  private head = new Int32Array(0);
  private live = new Int32Array(0);
  private versions = 0;
  private overflow = 0;
  private tombstones = 0;
  private maxId = NONE;
  /** Number of instances stored. */
  count = 0;

  /** `slack`: changes tolerated beyond a quarter of the block before an automatic compaction. */
  constructor(private readonly slack = 4096) {}

  /** Makes room for version ids below `count`. */
  ensureVersions(count: number): void {
    if (count <= this.versions) return;
    this.start = ensureInt32(this.start, count);
    this.end = ensureInt32(this.end, count);
    this.head = ensureInt32(this.head, count, NONE);
    this.live = ensureInt32(this.live, count);
    this.versions = count;
  }

  private ensureIds(id: number): void {
    if (id < this.version.length) return;
    this.version = ensureInt32(this.version, id + 1, NONE);
    this.slot = ensureInt32(this.slot, id + 1, NONE);
    this.next = ensureInt32(this.next, id + 1);
    this.prev = ensureInt32(this.prev, id + 1);
  }

  /** Version id of an instance, or -1. */
  versionOf(id: number): number {
    return id < this.version.length ? (this.version[id] as number) : NONE;
  }

  /** Live instances of a version. */
  sizeOf(version: number): number {
    return this.live[version] as number;
  }

  /** Stores (or moves) an instance under a version. */
  add(id: number, version: number): void {
    this.unlink(id);
    this.ensureIds(id);
    const head = this.head[version] as number;
    this.next[id] = head;
    this.prev[id] = NONE;
    if (head !== NONE) this.prev[head] = id;
    this.head[version] = id;
    this.slot[id] = NONE;
    this.place(id, version);
    this.overflow++;
    this.maybeCompact();
  }

  /** Stores many instances, then compacts once (bulk loads). */
  load(ids: ArrayLike<number>, versions: ArrayLike<number>): void {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      this.unlink(id);
      this.ensureIds(id);
      // Not linked into any list: the compaction below places it.
      this.slot[id] = UNPLACED;
      this.place(id, versions[i] as number);
    }
    this.compact();
  }

  /** Removes an instance; returns its version id, or -1 when absent. */
  remove(id: number): number {
    const version = this.unlink(id);
    if (version !== NONE) this.maybeCompact();
    return version;
  }

  private place(id: number, version: number): void {
    this.version[id] = version;
    this.live[version] = (this.live[version] as number) + 1;
    this.count++;
    if (id > this.maxId) this.maxId = id;
  }

  /** Detaches an instance from the block (tombstone) or from its overflow list. */
  private unlink(id: number): number {
    const version = this.versionOf(id);
    if (version === NONE) return NONE;
    const slot = this.slot[id] as number;
    if (slot >= 0) {
      this.members[slot] = NONE;
      this.tombstones++;
    } else if (slot === NONE) {
      const p = this.prev[id] as number;
      const n = this.next[id] as number;
      if (p === NONE) {
        if (this.head[version] === id) this.head[version] = n;
      } else this.next[p] = n;
      if (n !== NONE) this.prev[n] = p;
      this.overflow--;
    }
    this.version[id] = NONE;
    this.live[version] = (this.live[version] as number) - 1;
    this.count--;
    return version;
  }

  private maybeCompact(): void {
    if (this.overflow + this.tombstones > (this.members.length >> 2) + this.slack) this.compact();
  }

  /** Rebuilds the block from the per-instance versions: O(highest id + versions). */
  compact(): void {
    const offsets = new Int32Array(this.versions + 1);
    for (let v = 0; v < this.versions; v++)
      offsets[v + 1] = (offsets[v] as number) + (this.live[v] as number);
    this.start.set(offsets.subarray(0, this.versions));
    const members = new Int32Array(offsets[this.versions] as number);
    for (let id = 0; id <= this.maxId; id++) {
      const v = this.version[id] as number;
      if (v === NONE) continue;
      const at = offsets[v] as number;
      offsets[v] = at + 1;
      members[at] = id;
      this.slot[id] = at;
    }
    this.end.set(offsets.subarray(0, this.versions));
    this.members = members;
    this.head.fill(NONE, 0, this.versions);
    this.overflow = 0;
    this.tombstones = 0;
  }

  /** Calls `fn` for every instance of a version (block first, then the overflow list); returns how many. */
  forEach(version: number, fn: (id: number, version: number) => void): number {
    const members = this.members;
    let n = 0;
    for (let p = this.start[version] as number, e = this.end[version] as number; p < e; p++) {
      const id = members[p] as number;
      if (id !== NONE) {
        fn(id, version);
        n++;
      }
    }
    for (let id = this.head[version] as number; id !== NONE; id = this.next[id] as number) {
      fn(id, version);
      n++;
    }
    return n;
  }

  /** Bytes held in typed arrays. */
  get bytes(): number {
    return [
      this.version,
      this.slot,
      this.next,
      this.prev,
      this.members,
      this.start,
      this.end,
      this.head,
      this.live,
    ].reduce((n, a) => n + a.byteLength, 0);
  }
}
