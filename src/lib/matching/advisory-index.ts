import type { Advisory, AffectedPackage } from '../advisories';
import {
  type Ecosystem,
  getEcosystem,
  InvalidVersionError,
  matchesCompiled,
  resolveEcosystemName,
} from '../versions';
import { packageKey } from './exposure-index';

/** An advisory's affected package that contains a version. */
export interface AdvisoryHit {
  readonly advisory: Advisory;
  readonly affected: AffectedPackage;
}

/** A component to match: OSV ecosystem, package name and version (SbomComponent has this shape). */
export interface ComponentRef {
  readonly ecosystem: string | null;
  readonly name: string;
  readonly version: string | null;
}

/**
 * Advisories by affected package, for the SBOM side of incremental matching: which advisories hit the
 * components of one new or re-uploaded SBOM. Withdrawn advisories are kept but never reported.
 */
export class AdvisoryIndex {
  private readonly byPackage = new Map<string, AdvisoryHit[]>();
  private readonly byId = new Map<string, Advisory>();

  /** Builds an index of advisories. */
  static from(advisories: Iterable<Advisory>): AdvisoryIndex {
    const index = new AdvisoryIndex();
    for (const a of advisories) index.add(a);
    return index;
  }

  /** Number of advisories. */
  get size(): number {
    return this.byId.size;
  }

  /** The advisories, in insertion order. */
  advisories(): IterableIterator<Advisory> {
    return this.byId.values();
  }

  /** Adds an advisory, replacing one with the same id. */
  add(advisory: Advisory): void {
    this.remove(advisory.id);
    this.byId.set(advisory.id, advisory);
    for (const affected of advisory.affected) {
      const key = packageKey(affected.ecosystem, affected.name);
      let list = this.byPackage.get(key);
      if (list === undefined) {
        list = [];
        this.byPackage.set(key, list);
      }
      list.push({ advisory, affected });
    }
  }

  /** Removes an advisory by id; false when absent. */
  remove(id: string): boolean {
    const old = this.byId.get(id);
    if (old === undefined) return false;
    this.byId.delete(id);
    for (const affected of old.affected) {
      const key = packageKey(affected.ecosystem, affected.name);
      const rest = (this.byPackage.get(key) ?? []).filter((h) => h.advisory !== old);
      if (rest.length === 0) this.byPackage.delete(key);
      else this.byPackage.set(key, rest);
    }
    return true;
  }

  /** Advisories (with the affected entry) that contain `name@version`; none for an unparsable version. */
  match(ecosystem: string, name: string, version: string): AdvisoryHit[] {
    const candidates = this.byPackage.get(packageKey(ecosystem, name));
    if (candidates === undefined) return [];
    const eco = this.ordering(ecosystem);
    if (eco === null) return [];
    let key: string;
    try {
      key = eco.sortKey(version);
    } catch (error) {
      if (error instanceof InvalidVersionError) return [];
      throw error;
    }
    // The pre-release bit (a second parse) only matters to native ranges (npm, PEP 440), not to OSV ones.
    let pre: boolean | undefined;
    const out: AdvisoryHit[] = [];
    for (const h of candidates) {
      if (h.advisory.withdrawn !== undefined) continue;
      const range = h.affected.compiled;
      if (range.stableIntervals.length > 0) pre ??= eco.isPrerelease(version);
      if (matchesCompiled(range, key, pre ?? false)) out.push(h);
    }
    return out;
  }

  private readonly orderings = new Map<string, Ecosystem | null>();

  /** The version ordering of an OSV ecosystem string, cached (null when unknown). */
  private ordering(ecosystem: string): Ecosystem | null {
    let eco = this.orderings.get(ecosystem);
    if (eco === undefined) {
      eco = resolveEcosystemName(ecosystem) === null ? null : getEcosystem(ecosystem);
      this.orderings.set(ecosystem, eco);
    }
    return eco;
  }

  /** Hits for each matchable component (ecosystem and version set), with the component's position. */
  matchComponents(components: readonly ComponentRef[]): (AdvisoryHit & { readonly component: number })[] {
    const out: (AdvisoryHit & { component: number })[] = [];
    components.forEach((c, component) => {
      if (c.ecosystem === null || c.version === null) return;
      for (const hit of this.match(c.ecosystem, c.name, c.version)) out.push({ ...hit, component });
    });
    return out;
  }
}
