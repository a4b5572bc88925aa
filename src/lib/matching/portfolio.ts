import type { Advisory, AffectedPackage } from '../advisories';
import type { ExposureIndex } from './exposure-index';

/** Receives one match: an instance inside an advisory's affected package. */
export type HitHandler = (advisory: Advisory, affected: AffectedPackage, instanceId: number) => void;

/** Figures of a match run. */
export interface MatchStats {
  /** Advisories evaluated (withdrawn ones are skipped). */
  readonly advisories: number;
  /** Affected packages looked up. */
  readonly packages: number;
  /** (advisory, instance) hits reported. */
  readonly hits: number;
}

/** Incremental path for one new or changed advisory: every indexed instance it affects. Returns the hit count. */
export function matchAdvisory(index: ExposureIndex, advisory: Advisory, onHit: HitHandler): number {
  if (advisory.withdrawn !== undefined) return 0;
  let hits = 0;
  for (const affected of advisory.affected)
    hits += index.forEachMatch(affected.compiled, affected.ecosystem, affected.name, (id) =>
      onHit(advisory, affected, id),
    );
  return hits;
}

/** Full-portfolio match: every advisory against the whole index. */
export function matchPortfolio(
  index: ExposureIndex,
  advisories: Iterable<Advisory>,
  onHit: HitHandler,
): MatchStats {
  let count = 0;
  let packages = 0;
  let hits = 0;
  for (const advisory of advisories) {
    if (advisory.withdrawn !== undefined) continue;
    count++;
    packages += advisory.affected.length;
    hits += matchAdvisory(index, advisory, onHit);
  }
  return { advisories: count, packages, hits };
}
