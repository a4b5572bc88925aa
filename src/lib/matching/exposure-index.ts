import { normalizeOsvPackageName } from '../purl';
import {
  type CompiledRange,
  type Ecosystem,
  findKeyRange,
  getEcosystem,
  InvalidVersionError,
  intervalsContain,
  resolveEcosystemName,
} from '../versions';
import { ensureInt32, ensureUint8, lowerBound } from './arrays';
import { InstanceStore } from './instance-store';

/** One package of the index: its distinct versions, and the orderable ones sorted by sort key. */
interface PackageEntry {
  readonly ecosystem: string;
  readonly name: string;
  readonly ordering: Ecosystem | null;
  /** Version text → version id. */
  readonly versions: Map<string, number>;
  /** Sort keys of the orderable versions, ascending (equal keys allowed: "1.0" and "1.0.0" in PyPI). */
  readonly keys: string[];
  /** Version ids aligned with `keys`. */
  readonly ids: number[];
}

const ORDERABLE = 1;
const PRERELEASE = 2;
const NONE = -1;

/** Figures of an index (memory is the typed arrays only; strings and maps come on top). */
export interface IndexStats {
  readonly instances: number;
  readonly packages: number;
  readonly versions: number;
  /** Distinct versions that cannot be ordered (unknown ecosystem or invalid version): never matched. */
  readonly unorderableVersions: number;
  readonly typedArrayBytes: number;
}

/** Identifies a package as a map key (ecosystem as written; name as purl-derived names are written). */
export function packageKey(ecosystem: string, name: string): string {
  return `${ecosystem}\u0000${normalizeOsvPackageName(ecosystem, name)}`;
}

/**
 * In-memory exposure index: which component instances (dense non-negative int32 ids chosen by the caller, e.g.
 * database row ids) run which (ecosystem, package, version). Per package, the distinct versions are kept sorted
 * by sort key, so a compiled range is answered by binary searches (findKeyRange) over distinct versions and
 * then by walking each hit version's instances; cost is O(intervals × log versions + hits), independent of
 * the portfolio size.
 *
 * Layout (struct of arrays): instances in an {@link InstanceStore} (20 bytes per id, each version's instances
 * contiguous, O(1) amortised add/remove); per distinct version its package and flags (orderable, pre-release,
 * computed once). Version strings and sort keys are interned per package. Versions whose last instance goes
 * are kept (they are few); memory grows with the highest instance id.
 */
export class ExposureIndex {
  private readonly packages: PackageEntry[] = [];
  private readonly packageIds = new Map<string, number>();
  private versionCount = 0;
  private versionPackage = new Int32Array(0);
  private versionFlags = new Uint8Array(0);
  private readonly versionText: string[] = [];
  private readonly store = new InstanceStore();
  private unorderable = 0;

  /** Builds an index from `(instanceId, ecosystem, name, version)` tuples. */
  static from(instances: Iterable<readonly [number, string, string, string]>): ExposureIndex {
    const index = new ExposureIndex();
    for (const [id, ecosystem, name, version] of instances) index.add(id, ecosystem, name, version);
    return index;
  }

  /** Number of instances indexed. */
  get size(): number {
    return this.store.count;
  }

  /** Package id of (ecosystem, name), created on first use. */
  internPackage(ecosystem: string, name: string): number {
    const key = packageKey(ecosystem, name);
    let id = this.packageIds.get(key);
    if (id === undefined) {
      id = this.packages.length;
      this.packageIds.set(key, id);
      this.packages.push({
        ecosystem,
        name: normalizeOsvPackageName(ecosystem, name),
        ordering: resolveEcosystemName(ecosystem) === null ? null : getEcosystem(ecosystem),
        versions: new Map(),
        keys: [],
        ids: [],
      });
    }
    return id;
  }

  /**
   * Version id of a package version, created on first use: its sort key and pre-release bit are computed
   * once here. A version its ecosystem cannot parse (or of an ecosystem without an ordering) is kept but
   * never matches.
   */
  internVersion(packageId: number, version: string): number {
    const pkg = this.packages[packageId];
    if (pkg === undefined) throw new RangeError(`unknown package id ${packageId}`);
    const known = pkg.versions.get(version);
    if (known !== undefined) return known;
    const id = this.versionCount++;
    this.versionPackage = ensureInt32(this.versionPackage, id + 1);
    this.versionFlags = ensureUint8(this.versionFlags, id + 1);
    this.store.ensureVersions(this.versionPackage.length);
    this.versionPackage[id] = packageId;
    this.versionText.push(version);
    pkg.versions.set(version, id);
    let key: string | null = null;
    if (pkg.ordering !== null) {
      try {
        key = pkg.ordering.sortKey(version);
        this.versionFlags[id] = ORDERABLE | (pkg.ordering.isPrerelease(version) ? PRERELEASE : 0);
      } catch (error) {
        if (!(error instanceof InvalidVersionError)) throw error;
      }
    }
    if (key === null) {
      this.unorderable++;
      return id;
    }
    // Insert after equal keys so that ids of one key stay in creation order.
    let at = lowerBound(pkg.keys, key);
    while (at < pkg.keys.length && pkg.keys[at] === key) at++;
    pkg.keys.splice(at, 0, key);
    pkg.ids.splice(at, 0, id);
    return id;
  }

  /** Adds (or moves) an instance to a version id from {@link internVersion}. */
  addInstance(instanceId: number, versionId: number): void {
    this.checkInstance(instanceId);
    if (versionId < 0 || versionId >= this.versionCount)
      throw new RangeError(`unknown version id ${versionId}`);
    this.store.add(instanceId, versionId);
  }

  /** Adds (or moves) many instances at once, then compacts: the fast path for bulk loads. */
  addInstances(instanceIds: ArrayLike<number>, versionIds: ArrayLike<number>): void {
    if (instanceIds.length !== versionIds.length)
      throw new RangeError('instance and version id lists differ in length');
    for (let i = 0; i < instanceIds.length; i++) {
      this.checkInstance(instanceIds[i] as number);
      const v = versionIds[i] as number;
      if (v < 0 || v >= this.versionCount) throw new RangeError(`unknown version id ${v}`);
    }
    this.store.load(instanceIds, versionIds);
  }

  private checkInstance(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff)
      throw new RangeError(`instance ids are int32 >= 0, got ${id}`);
  }

  /** Adds (or moves) an instance of `name@version` in `ecosystem` (OSV names, as purlToOsvEcosystem gives). */
  add(instanceId: number, ecosystem: string, name: string, version: string): void {
    this.addInstance(instanceId, this.internVersion(this.internPackage(ecosystem, name), version));
  }

  /** Removes an instance; false when it was not indexed. */
  remove(instanceId: number): boolean {
    return this.store.remove(instanceId) !== NONE;
  }

  /** Folds recent additions and removals into the contiguous layout (also done automatically). */
  compact(): void {
    this.store.compact();
  }

  /** Version id of an indexed instance, or -1. */
  versionOf(instanceId: number): number {
    return this.store.versionOf(instanceId);
  }

  /** The package and version text of a version id. */
  describeVersion(versionId: number): {
    ecosystem: string;
    name: string;
    version: string;
    instances: number;
  } {
    const pkg = this.packages[this.versionPackage[versionId] as number] as PackageEntry;
    return {
      ecosystem: pkg.ecosystem,
      name: pkg.name,
      version: this.versionText[versionId] as string,
      instances: this.store.sizeOf(versionId),
    };
  }

  /** Number of instances of a package, over all its versions. */
  countInstances(ecosystem: string, name: string): number {
    const id = this.packageIds.get(packageKey(ecosystem, name));
    if (id === undefined) return 0;
    let n = 0;
    for (const v of (this.packages[id] as PackageEntry).versions.values()) n += this.store.sizeOf(v);
    return n;
  }

  /** Calls `fn` for every instance of a version; returns how many. */
  forEachInstance(versionId: number, fn: (instanceId: number) => void): number {
    return this.store.forEach(versionId, fn);
  }

  /**
   * Calls `fn` for every version id of the package in the range: keys in `intervals`, plus keys in
   * `stableIntervals` whose version is not a pre-release (node-semver / PEP 440 rule).
   */
  forEachVersion(
    range: CompiledRange,
    ecosystem: string,
    name: string,
    fn: (versionId: number) => void,
  ): void {
    const id = this.packageIds.get(packageKey(ecosystem, name));
    if (id === undefined) return;
    const { keys, ids } = this.packages[id] as PackageEntry;
    for (const interval of range.intervals) {
      const [start, end] = findKeyRange(keys, interval);
      for (let i = start; i < end; i++) fn(ids[i] as number);
    }
    for (const interval of range.stableIntervals) {
      const [start, end] = findKeyRange(keys, interval);
      for (let i = start; i < end; i++) {
        const v = ids[i] as number;
        // Stable intervals of a normalized range are disjoint from `intervals`; the check keeps any input exact.
        if (
          (this.versionFlags[v] as number) & PRERELEASE ||
          intervalsContain(range.intervals, keys[i] as string)
        )
          continue;
        fn(v);
      }
    }
  }

  /** Calls `fn` for every instance in the range; returns the number of hits. */
  forEachMatch(
    range: CompiledRange,
    ecosystem: string,
    name: string,
    fn: (instanceId: number, versionId: number) => void,
  ): number {
    let hits = 0;
    this.forEachVersion(range, ecosystem, name, (v) => {
      hits += this.store.forEach(v, fn);
    });
    return hits;
  }

  /** The instance ids in the range, in no particular order (do not change the index while iterating). */
  *query(range: CompiledRange, ecosystem: string, name: string): Generator<number> {
    const ids: number[] = [];
    this.forEachMatch(range, ecosystem, name, (id) => ids.push(id));
    yield* ids;
  }

  /** Sizes of the index. */
  stats(): IndexStats {
    return {
      instances: this.store.count,
      packages: this.packages.length,
      versions: this.versionCount,
      unorderableVersions: this.unorderable,
      typedArrayBytes: this.store.bytes + this.versionPackage.byteLength + this.versionFlags.byteLength,
    };
  }
}
