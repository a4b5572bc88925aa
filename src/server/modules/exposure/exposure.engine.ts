import { type Advisory, normalizeAdvisory } from '../../../lib/advisories';
import { AdvisoryIndex, ExposureIndex } from '../../../lib/matching';
import type { Db } from '../../db/client';
import { exposureRepository as repo } from './exposure.repository';

/**
 * The in-memory matcher (architecture principle 7): component instances by package in sorted sort-key arrays,
 * and advisories by package. The database holds the truth; this is a cache rebuilt on start and whenever the
 * stored generation moved without this node (another app node wrote).
 */
export class ExposureEngine {
  private instances = new ExposureIndex();
  private advisories = new AdvisoryIndex();
  private byId = new Map<string, Advisory>();
  private generation = -1;
  private building: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  /** Rebuilds both indexes from the database if they are stale; concurrent callers share one rebuild. */
  async ready(): Promise<this> {
    const current = await repo.generation(this.db);
    if (current !== this.generation) {
      this.building ??= this.rebuild(current).finally(() => {
        this.building = undefined;
      });
      await this.building;
    }
    return this;
  }

  private async rebuild(generation: number) {
    const instances = new ExposureIndex();
    for (let after = 0; ; ) {
      const rows = await repo.instancesAfter(this.db, after, 50_000);
      for (const r of rows) instances.add(r.id, r.ecosystem!, r.name, r.version!);
      const last = rows.at(-1);
      if (!last || rows.length < 50_000) break;
      after = last.id;
    }
    const advisories = new AdvisoryIndex();
    const byId = new Map<string, Advisory>();
    for (let after = ''; ; ) {
      const rows = await repo.advisoriesAfter(this.db, after, 5000);
      for (const r of rows) {
        for (const a of normalizeAdvisory(r.record).advisories) {
          if (a.id !== r.id) continue;
          advisories.add(a);
          byId.set(a.id, a);
        }
      }
      const last = rows.at(-1);
      if (!last || rows.length < 5000) break;
      after = last.id;
    }
    this.instances = instances;
    this.advisories = advisories;
    this.byId = byId;
    this.generation = generation;
  }

  /** Records a committed change this node made, so it does not rebuild for its own write. */
  applied(generation: number, change: () => void) {
    change();
    if (generation === this.generation + 1) this.generation = generation;
  }

  /** Replaces an asset's instances in the index. */
  replaceInstances(
    removed: number[],
    added: { id: number; ecosystem: string; name: string; version: string }[],
  ) {
    for (const id of removed) this.instances.remove(id);
    for (const c of added) this.instances.add(c.id, c.ecosystem, c.name, c.version);
  }

  /** Adds or replaces advisories in the index. */
  putAdvisories(list: readonly Advisory[]) {
    for (const a of list) {
      this.advisories.add(a);
      this.byId.set(a.id, a);
    }
  }

  /** The advisories hitting each component of one SBOM (incremental path for a new or changed SBOM). */
  matchComponents(list: readonly { ecosystem: string; name: string; version: string }[]) {
    return this.advisories.matchComponents(list);
  }

  /** Instance ids one advisory hits (incremental path for a new or changed advisory). */
  matchAdvisory(advisory: Advisory): number[] {
    if (advisory.withdrawn !== undefined) return [];
    const ids: number[] = [];
    for (const affected of advisory.affected) {
      this.instances.forEachMatch(affected.compiled, affected.ecosystem, affected.name, (id) => ids.push(id));
    }
    return ids;
  }

  /** Every known advisory (full-portfolio analysis). */
  allAdvisories(): IterableIterator<Advisory> {
    return this.byId.values();
  }

  /** A known advisory by id. */
  advisory(id: string): Advisory | undefined {
    return this.byId.get(id);
  }

  /** Index sizes. */
  stats() {
    return { instances: this.instances.size, advisories: this.advisories.size };
  }
}
