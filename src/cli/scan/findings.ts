import type { Advisory, AdvisorySeverity } from '../../lib/advisories';
import { CvssError, scoreCvss } from '../../lib/cvss';
import { AdvisoryIndex } from '../../lib/matching';
import type { SbomComponent } from '../../lib/sbom';

/** One affected component: the component, the advisory, and the best CVSS base score the advisory gives. */
export interface Finding {
  readonly component: SbomComponent;
  readonly advisory: Advisory;
  /** Highest base score among the advisory's parsable CVSS vectors, or null. */
  readonly score: number | null;
}

/** Highest CVSS base score of an advisory's severities (unparsable vectors and labels are ignored). */
export function bestScore(severity: readonly AdvisorySeverity[]): number | null {
  let best: number | null = null;
  for (const s of severity) {
    if (!s.type.startsWith('CVSS')) continue;
    try {
      const base = scoreCvss(s.score).baseScore;
      if (best === null || base > best) best = base;
    } catch (error) {
      if (!(error instanceof CvssError)) throw error;
    }
  }
  return best;
}

/**
 * Matches SBOM components against advisories by OSV ecosystem, package and version only (components without
 * a usable purl are never guessed at). Sorted by score (highest first, unscored last), then package.
 */
export function findExposures(
  components: readonly SbomComponent[],
  advisories: Iterable<Advisory>,
): Finding[] {
  const index = AdvisoryIndex.from(advisories);
  const scores = new Map<Advisory, number | null>();
  // The same package version listed twice (e.g. nested and top level) is one finding per advisory.
  const seen = new Set<string>();
  const hits = index.matchComponents(components).filter((hit) => {
    const c = components[hit.component] as SbomComponent;
    const key = `${c.ecosystem}\u0000${c.name}\u0000${c.version}\u0000${hit.advisory.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const findings = hits.map((hit) => {
    let score = scores.get(hit.advisory);
    if (score === undefined) {
      score = bestScore(hit.advisory.severity);
      scores.set(hit.advisory, score);
    }
    return { component: components[hit.component] as SbomComponent, advisory: hit.advisory, score };
  });
  return findings.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      a.component.name.localeCompare(b.component.name) ||
      a.advisory.id.localeCompare(b.advisory.id),
  );
}
