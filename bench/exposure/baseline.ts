import semver from 'semver';

/** npm instances of the portfolio as parallel arrays (interned strings), for the naive baselines. */
export interface NpmInstances {
  readonly names: string[];
  readonly versions: string[];
  /** Versions of each npm package's instances (one entry per instance). */
  readonly byName: Map<string, string[]>;
}

/** A sampled npm advisory: package and node-semver range text. */
export interface NpmSample {
  readonly name: string;
  readonly range: string;
}

/**
 * Naive scan (what a straightforward implementation does): for each advisory, visit every npm instance,
 * compare the package name, and call node-semver `satisfies` on the instances of that package. Returns the
 * time per instance visited.
 */
export function linearScan(
  npm: NpmInstances,
  sample: readonly NpmSample[],
): { msPerVisit: number; hits: number } {
  let hits = 0;
  const t0 = performance.now();
  for (const { name, range } of sample) {
    const { names, versions } = npm;
    for (let i = 0; i < names.length; i++)
      if (names[i] === name && semver.satisfies(versions[i] as string, range)) hits++;
  }
  const ms = performance.now() - t0;
  return { msPerVisit: ms / Math.max(1, sample.length * npm.names.length), hits };
}

/**
 * Stronger baseline: instances already grouped by package, the advisory's range parsed once (`new Range`)
 * and tested on every instance of its package (no sort keys, no grouping by distinct version). Returns the
 * time per evaluation.
 */
export function groupedScan(
  npm: NpmInstances,
  sample: readonly NpmSample[],
): { msPerEval: number; evals: number; hits: number } {
  let evals = 0;
  let hits = 0;
  const t0 = performance.now();
  for (const { name, range } of sample) {
    const parsed = new semver.Range(range);
    for (const v of npm.byName.get(name) ?? []) {
      evals++;
      if (parsed.test(v)) hits++;
    }
  }
  const ms = performance.now() - t0;
  return { msPerEval: evals === 0 ? 0 : ms / evals, evals, hits };
}
