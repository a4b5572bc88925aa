import { normalizeAdvisory } from './normalize';
import { readSource, type SourceOptions } from './sources';
import type { Advisory, AdvisoryCounts, AdvisoryProblem, Normalized } from './types';

/** Accumulates {@link AdvisoryCounts} over normalized documents. */
export class AdvisoryTally {
  private records = 0;
  private withdrawn = 0;
  private packages = 0;
  private ranges = 0;
  private unsupported = 0;
  private problems = 0;
  private readonly unsupportedByType = new Map<string, number>();
  private readonly bySource = new Map<string, number>();

  /** Counts one normalized document. */
  add(n: Normalized): void {
    this.problems += n.problems.length;
    this.ranges += n.ranges;
    for (const a of n.advisories) {
      this.records++;
      if (a.withdrawn !== undefined) this.withdrawn++;
      this.bySource.set(a.source, (this.bySource.get(a.source) ?? 0) + 1);
      this.packages += a.affected.length;
      for (const u of [...a.affected.flatMap((p) => p.unsupported), ...a.unsupported]) {
        this.unsupported++;
        this.unsupportedByType.set(u.type, (this.unsupportedByType.get(u.type) ?? 0) + 1);
      }
    }
  }

  /** Counts a source input that could not be read at all. */
  addProblem(): void {
    this.problems++;
  }

  /** The figures so far. */
  counts(): AdvisoryCounts {
    const sorted = (m: Map<string, number>) =>
      Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
    return {
      records: this.records,
      withdrawn: this.withdrawn,
      packages: this.packages,
      ranges: this.ranges,
      unsupported: this.unsupported,
      unsupportedByType: sorted(this.unsupportedByType),
      problems: this.problems,
      bySource: sorted(this.bySource),
    };
  }
}

/** A loaded advisory set. */
export interface AdvisorySet {
  readonly advisories: Advisory[];
  readonly counts: AdvisoryCounts;
  /** The first problems (at most `maxProblems`); `counts.problems` has the total. */
  readonly problems: AdvisoryProblem[];
}

/** Options of {@link loadAdvisories}. */
export interface LoadOptions extends SourceOptions {
  /** Problems kept in the result (default 100). */
  readonly maxProblems?: number;
}

/**
 * Streams the advisories of a source (folder, zip, JSON Lines or JSON file; see readSource) as they are
 * normalized, with the problems of each input.
 */
export async function* readAdvisories(
  source: string,
  options: SourceOptions = {},
): AsyncGenerator<{ readonly source: string } & Normalized> {
  for await (const item of readSource(source, options)) {
    if ('problem' in item) yield { source: item.source, advisories: [], problems: [item.problem], ranges: 0 };
    else yield { source: item.source, ...normalizeAdvisory(item.doc) };
  }
}

/** Loads and normalizes every advisory of a source, with counts and the first problems. */
export async function loadAdvisories(source: string, options: LoadOptions = {}): Promise<AdvisorySet> {
  const tally = new AdvisoryTally();
  const advisories: Advisory[] = [];
  const problems: AdvisoryProblem[] = [];
  const maxProblems = options.maxProblems ?? 100;
  for await (const item of readAdvisories(source, options)) {
    tally.add(item);
    advisories.push(...item.advisories);
    for (const reason of item.problems)
      if (problems.length < maxProblems) problems.push({ source: item.source, reason });
  }
  return { advisories, counts: tally.counts(), problems };
}
