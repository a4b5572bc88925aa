import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Advisory, loadAdvisories, normalizeAdvisory } from '../../src/lib/advisories';
import { getEcosystem, type KeyInterval } from '../../src/lib/versions';
import { rng, shuffle, zipf } from './random';

/** Sizes of a run. */
export interface Scale {
  readonly enterprises: number;
  readonly componentsPerEnterprise: number;
  readonly tailPackages: number;
  readonly syntheticAdvisories: number;
  readonly sbomComponents: number;
  readonly incrementalAdvisories: number;
}

/** Full size: 45,000 enterprises × 200 components, ≥100k advisory ranges, a 300k-component SBOM. */
export const FULL: Scale = {
  enterprises: 45_000,
  componentsPerEnterprise: 200,
  tailPackages: 150_000,
  syntheticAdvisories: 100_000,
  sbomComponents: 300_000,
  incrementalAdvisories: 1_000,
};

/** `--small`: 1/50 of the full size. */
export const SMALL: Scale = {
  enterprises: 900,
  componentsPerEnterprise: 200,
  tailPackages: 3_000,
  syntheticAdvisories: 2_000,
  sbomComponents: 6_000,
  incrementalAdvisories: 1_000,
};

const VECTORS = fileURLToPath(new URL('../../../shared/vectors/advisories/', import.meta.url));

/** The real corpora: Go vulnerability database, PyPA advisory database, Node.js Security WG npm advisories. */
export async function loadCorpora(): Promise<{ advisories: Advisory[]; npmRanges: Map<string, string> }> {
  const advisories: Advisory[] = [];
  for (const source of [
    'golang-vulndb/go-osv.jsonl',
    'pypa-advisory-database/pypa-osv.jsonl',
    'nodejs-security-wg/npm',
  ])
    advisories.push(...(await loadAdvisories(VECTORS + source)).advisories);
  // node-semver range text of each WG advisory, for the naive baseline.
  const npmRanges = new Map<string, string>();
  for (const file of readdirSync(`${VECTORS}nodejs-security-wg/npm`)) {
    const doc = JSON.parse(readFileSync(`${VECTORS}nodejs-security-wg/npm/${file}`, 'utf8'));
    if (typeof doc.vulnerable_versions === 'string')
      npmRanges.set(`NSWG-ECO-${doc.id}`, doc.vulnerable_versions);
  }
  return { advisories, npmRanges };
}

/** Long-tail ecosystems and their share of tail packages. */
const TAIL: readonly [string, number][] = [
  ['npm', 0.35],
  ['Maven', 0.2],
  ['PyPI', 0.15],
  ['Go', 0.1],
  ['NuGet', 0.05],
  ['RubyGems', 0.04],
  ['crates.io', 0.03],
  ['Debian:12', 0.05],
  ['Alpine:v3.19', 0.03],
];

function tailName(ecosystem: string, i: number): string {
  switch (ecosystem) {
    case 'Maven':
      return `org.tail${i % 997}:artifact-${i}`;
    case 'Go':
      return `github.com/tail${i % 4999}/module-${i}`;
    case 'npm':
      return i % 5 === 0 ? `@scope${i % 211}/pkg-${i}` : `pkg-${i}`;
    default:
      return `tail-${i}`;
  }
}

function tailVersion(ecosystem: string, random: () => number): string {
  const core = `${Math.floor(random() * 6)}.${Math.floor(random() * 21)}.${Math.floor(random() * 16)}`;
  if (ecosystem === 'Debian:12') return `${core}-${1 + Math.floor(random() * 3)}`;
  if (ecosystem === 'Alpine:v3.19') return `${core}-r${Math.floor(random() * 4)}`;
  return core;
}

/** Packages (real ones first) with their version pools, sorted ascending, and popularity samplers. */
export interface Universe {
  readonly ecosystem: string[];
  readonly name: string[];
  readonly versions: string[][];
  readonly realCount: number;
  /** Draws a package index: 25 % from packages named by real advisories, the rest from the long tail. */
  readonly pick: () => number;
  /** Draws a version index of a pool of `n`, skewed towards recent releases (deployments lag, but mostly update). */
  readonly pickVersion: (n: number) => number;
  /** Draws a package index uniformly (advisory counts barely follow popularity). */
  readonly pickAny: () => number;
}

function labels(intervals: readonly KeyInterval[]): string[] {
  return intervals
    .flatMap((i) => [i.lower?.version, i.upper?.version])
    .filter((v): v is string => v !== undefined);
}

/** Builds the package universe from the real advisories' packages plus a synthetic long tail. */
export function buildUniverse(scale: Scale, real: readonly Advisory[], seed = 1): Universe {
  const random = rng(seed);
  const ecosystem: string[] = [];
  const name: string[] = [];
  const versions: string[][] = [];
  const seen = new Map<string, number>();
  for (const a of real)
    for (const p of a.affected) {
      const key = `${p.ecosystem}\u0000${p.name}`;
      let at = seen.get(key);
      if (at === undefined) {
        at = ecosystem.length;
        seen.set(key, at);
        ecosystem.push(p.ecosystem);
        name.push(p.name);
        versions.push([]);
      }
      (versions[at] as string[]).push(...labels(p.compiled.intervals), ...labels(p.compiled.stableIntervals));
    }
  const realCount = ecosystem.length;
  for (let i = 0; i < scale.tailPackages; i++) {
    const u = random();
    let cumulative = 0;
    const [eco] =
      TAIL.find(([, share]) => {
        cumulative += share;
        return u < cumulative;
      }) ?? (TAIL[0] as [string, number]);
    ecosystem.push(eco);
    name.push(tailName(eco, i));
    versions.push(Array.from({ length: 6 }, () => tailVersion(eco, random)));
  }
  // Each pool: distinct valid versions, sorted by the ecosystem's order. Real packages also get three
  // releases above every advisory bound (current versions, usually unaffected), as deployed software has.
  for (let p = 0; p < ecosystem.length; p++) {
    const eco = getEcosystem(ecosystem[p] as string);
    const pool = [...new Set((versions[p] as string[]).filter((v) => eco.isValid(v)))].sort((a, b) =>
      eco.compare(a, b),
    );
    if (p < realCount) {
      const top = Number(/^v?(\d+)/.exec(pool[pool.length - 1] ?? '0')?.[1] ?? 0);
      for (const next of [`${top + 1}.0.0`, `${top + 1}.1.0`, `${top + 2}.0.0`])
        if (eco.isValid(next)) pool.push(next);
    }
    versions[p] = pool;
  }
  const realOrder = shuffle(
    Array.from({ length: realCount }, (_, i) => i),
    random,
  );
  // Zipf 0.8: the most used package appears about 100k times in 9M instances, as lodash-like packages do.
  const pickReal = zipf(realCount, 0.8, random);
  const pickTail = zipf(scale.tailPackages, 0.8, random);
  return {
    ecosystem,
    name,
    versions,
    realCount,
    pickVersion: (n) => n - 1 - Math.floor(n * random() ** 4),
    pickAny: () => Math.floor(random() * ecosystem.length),
    pick: () => (random() < 0.25 ? (realOrder[pickReal()] as number) : realCount + pickTail()),
  };
}

const CVSS = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N',
  'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N',
];

/**
 * A synthetic OSV record. Half target packages of the universe (uniformly), half packages no portfolio runs
 * (most of a real advisory database concerns packages a given portfolio does not use). Ranges start at
 * an early release (or "0") and are fixed in a later one, 90 % of the time before the newest release.
 */
export function syntheticRecord(u: Universe, id: number, random: () => number): Record<string, unknown> {
  const used = random() < 0.5;
  const p = used ? u.pickAny() : -1;
  const pool = used ? (u.versions[p] as string[]) : ['1.0.0', '1.1.0', '1.2.0', '2.0.0', '2.1.0'];
  const ecosystem = used ? (u.ecosystem[p] as string) : (['npm', 'PyPI', 'Maven', 'Go'][id % 4] as string);
  const name = used
    ? (u.name[p] as string)
    : ecosystem === 'Maven'
      ? `org.unused:lib-${id}`
      : ecosystem === 'Go'
        ? `example.com/unused/m${id}`
        : `unused-${id}`;
  const ranges = [];
  for (let r = random() < 0.2 ? 2 : 1; r > 0; r--) {
    const i = Math.floor(pool.length * random() ** 2);
    const last = random() < 0.9 ? pool.length - 1 : pool.length;
    const j = Math.min(last, i + 1 + Math.floor(random() * 3));
    const events: Record<string, string>[] = [
      { introduced: random() < 0.2 || i === 0 ? '0' : (pool[i] as string) },
    ];
    if (j < pool.length) events.push({ fixed: pool[j] as string });
    ranges.push({ type: 'ECOSYSTEM', events });
  }
  return {
    id: `BENCH-${id}`,
    modified: '2026-01-01T00:00:00Z',
    aliases: [`CVE-2099-${id}`],
    summary: `Synthetic advisory ${id}`,
    severity: [{ type: 'CVSS_V3', score: CVSS[id % CVSS.length] }],
    affected: [{ package: { ecosystem, name }, ranges }],
  };
}

/** The synthetic advisory set (normalized) and, for npm ones, a node-semver range equivalent for the baseline. */
export function syntheticAdvisories(u: Universe, count: number, seed = 2) {
  const random = rng(seed);
  const advisories: Advisory[] = [];
  const npmRanges = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const record = syntheticRecord(u, i, random);
    advisories.push(...normalizeAdvisory(record).advisories);
    const [affected] = record.affected as {
      package: { ecosystem: string };
      ranges: { events: Record<string, string>[] }[];
    }[];
    if (affected?.package.ecosystem === 'npm')
      npmRanges.set(
        record.id as string,
        affected.ranges
          .map(({ events }) => {
            const [intro, fixed] = events;
            const lower = intro?.introduced === '0' ? '' : `>=${intro?.introduced}`;
            return [lower, fixed ? `<${fixed.fixed}` : ''].filter(Boolean).join(' ') || '*';
          })
          .join(' || '),
      );
  }
  return { advisories, npmRanges };
}
