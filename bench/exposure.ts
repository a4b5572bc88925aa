/**
 * SBOM exposure engine benchmark (pure libraries, no database).
 *
 *   node --max-old-space-size=4096 --import tsx bench/exposure.ts [--small]
 *
 * 1. Portfolio: 45,000 enterprises × 200 components (9M instances) drawn by Zipf popularity from the packages
 *    and versions of the real corpora (Go vulndb, PyPA, Node.js Security WG) plus a synthetic long tail.
 * 2. Advisories: the real corpora plus synthetic OSV records (≥100k ranges), normalized like any import.
 * 3. Full-portfolio match time and the bench process's peak RSS at that point.
 * 4. Incremental: 1,000 new advisories, each normalized and matched; p50/p99 latency.
 * 5. A 300k-component CycloneDX 1.6 file written to a temp dir, ingested (and matched) in child processes
 *    whose own peak RSS is reported (process.resourceUsage().maxRSS).
 * 6. Naive baselines with node-semver `satisfies` on a sample of npm advisories, extrapolated.
 * `--small` runs everything at 1/50 scale.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Advisory, normalizeAdvisory } from '../src/lib/advisories';
import { ExposureIndex, matchAdvisory, matchPortfolio } from '../src/lib/matching';
import { groupedScan, linearScan, type NpmInstances, type NpmSample } from './exposure/baseline';
import { rng } from './exposure/random';
import { writeSbom } from './exposure/sbom-file';
import {
  buildUniverse,
  FULL,
  loadCorpora,
  SMALL,
  syntheticAdvisories,
  syntheticRecord,
} from './exposure/universe';

const small = process.argv.includes('--small');
const scale = small ? SMALL : FULL;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const log = (s: string) => process.stdout.write(`${s}\n`);
const timed = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
};
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

log(
  `Bulwark exposure bench (${small ? 'small, 1/50 scale' : 'full scale'}), node ${process.version}, ${os.cpus().length} CPUs, ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other processes share these CPUs)`,
);

// 1. Universe and portfolio.
const tCorpora = performance.now();
const corpora = await loadCorpora();
const universe = buildUniverse(scale, corpora.advisories);
log(
  `corpora: ${corpora.advisories.length} real advisories; universe: ${universe.realCount} real + ${scale.tailPackages} tail packages (${secs(performance.now() - tCorpora)})`,
);
const total = scale.enterprises * scale.componentsPerEnterprise;
const picks = new Int32Array(total);
const versionPicks = new Uint8Array(total);
for (let i = 0; i < total; i++) {
  const p = universe.pick();
  picks[i] = p;
  versionPicks[i] = universe.pickVersion((universe.versions[p] as string[]).length);
}
const index = new ExposureIndex();
const npm: NpmInstances = { names: [], versions: [], byName: new Map() };
const perEcosystem = new Map<string, number>();
const [, buildMs] = timed(() => {
  // Bulk path: intern each package's versions once, then hand all (instance, version) pairs over together.
  const versionIds: (Int32Array | undefined)[] = [];
  const ids = new Int32Array(total);
  const vids = new Int32Array(total);
  for (let id = 0; id < total; id++) {
    const p = picks[id] as number;
    let pool = versionIds[p];
    if (pool === undefined) {
      const pkg = index.internPackage(universe.ecosystem[p] as string, universe.name[p] as string);
      pool = Int32Array.from(universe.versions[p] as string[], (v) => index.internVersion(pkg, v));
      versionIds[p] = pool;
    }
    ids[id] = id;
    vids[id] = pool[versionPicks[id] as number] as number;
  }
  index.addInstances(ids, vids);
});
for (let id = 0; id < total; id++) {
  const p = picks[id] as number;
  const eco = universe.ecosystem[p] as string;
  perEcosystem.set(eco, (perEcosystem.get(eco) ?? 0) + 1);
  if (eco !== 'npm') continue;
  const name = universe.name[p] as string;
  const version = (universe.versions[p] as string[])[versionPicks[id] as number] as string;
  npm.names.push(name);
  npm.versions.push(version);
  const list = npm.byName.get(name);
  if (list === undefined) npm.byName.set(name, [version]);
  else list.push(version);
}
const stats = index.stats();
log(
  `portfolio: ${scale.enterprises} enterprises × ${scale.componentsPerEnterprise} = ${stats.instances} instances, ` +
    `${stats.packages} packages, ${stats.versions} distinct versions; index build ${secs(buildMs)}, typed arrays ${mb(stats.typedArrayBytes)} MiB`,
);
log(`  instances per ecosystem: ${JSON.stringify(Object.fromEntries(perEcosystem))}`);

// 2. Advisories.
const [synthetic, synthMs] = timed(() => syntheticAdvisories(universe, scale.syntheticAdvisories));
const advisories: Advisory[] = [...corpora.advisories, ...synthetic.advisories];
let ranges = 0;
let unsupported = 0;
for (const a of advisories)
  for (const p of a.affected) {
    ranges += p.compiled.intervals.length + p.compiled.stableIntervals.length;
    unsupported += p.unsupported.length;
  }
const entries = advisories.reduce((n, a) => n + a.affected.length, 0);
log(
  `advisories: ${advisories.length} (${corpora.advisories.length} real + ${synthetic.advisories.length} synthetic, normalized in ${secs(synthMs)}), ` +
    `${entries} affected packages, ${ranges} compiled key intervals, ${unsupported} unsupported ranges kept aside`,
);

// 3. Full-portfolio match.
const affected = new Uint8Array(total);
let hitCount = 0;
const [matchStats, fullMs] = timed(() =>
  matchPortfolio(index, advisories, (_a, _p, id) => {
    hitCount++;
    affected[id] = 1;
  }),
);
const exposed = affected.reduce((n, x) => n + x, 0);
const fullRss = peakRssMb();
const heap = process.memoryUsage();
log(
  `full match: ${secs(fullMs)} for ${matchStats.advisories} advisories × ${stats.instances} instances: ${hitCount} hits, ` +
    `${exposed} instances exposed (${((100 * exposed) / total).toFixed(1)} %)`,
);
log(
  `  peak RSS of this process so far: ${fullRss} MiB (heap used ${mb(heap.heapUsed)} MiB, array buffers ${mb(heap.arrayBuffers)} MiB; ` +
    'includes the generator buffers and baseline arrays)',
);

// 4. Incremental: new advisories one at a time.
const latencies: number[] = [];
let incrementalHits = 0;
{
  const random = rng(11);
  for (let i = 0; i < scale.incrementalAdvisories; i++) {
    const record = { ...syntheticRecord(universe, 1_000_000 + i, random) };
    const t0 = performance.now();
    const [advisory] = normalizeAdvisory(record).advisories;
    const found: number[] = [];
    if (advisory) matchAdvisory(index, advisory, (_a, _p, id) => found.push(id));
    latencies.push(performance.now() - t0);
    incrementalHits += found.length;
  }
}
latencies.sort((a, b) => a - b);
const p50 = percentile(latencies, 50);
const p99 = percentile(latencies, 99);
log(
  `incremental: ${latencies.length} new advisories (normalize + match + collect hits): p50 ${p50.toFixed(3)} ms, ` +
    `p99 ${p99.toFixed(3)} ms, max ${(latencies[latencies.length - 1] as number).toFixed(3)} ms, ${incrementalHits} hits`,
);

// 5. Naive baselines on npm, extrapolated to the full advisory set.
const npmRanges = new Map([...corpora.npmRanges, ...synthetic.npmRanges]);
const npmSample: NpmSample[] = advisories
  .filter((a) => npmRanges.has(a.id) && npm.byName.has(a.affected[0]?.name ?? ''))
  .map((a) => ({ name: a.affected[0]?.name as string, range: npmRanges.get(a.id) as string }));
// Warm-up pass first, so that node-semver is measured compiled, like the index (which is measured cold).
groupedScan(npm, npmSample.slice(0, 400));
const linear = linearScan(npm, npmSample.slice(0, small ? 50 : 40));
const grouped = groupedScan(npm, npmSample.slice(0, 400));
let linearEstimate = 0;
let groupedEvaluations = 0;
for (const a of advisories) {
  if (a.withdrawn !== undefined) continue;
  for (const p of a.affected) {
    linearEstimate += linear.msPerVisit * (perEcosystem.get(p.ecosystem) ?? 0);
    groupedEvaluations += index.countInstances(p.ecosystem, p.name);
  }
}
const groupedEstimate = grouped.msPerEval * groupedEvaluations;
log(
  `naive baseline A (scan every npm instance per advisory: name check, then semver.satisfies): ` +
    `${(linear.msPerVisit * 1e6).toFixed(1)} ns per instance visited over ${Math.min(npmSample.length, small ? 50 : 40)} npm advisories; ` +
    `extrapolated to all ${entries} affected packages × their ecosystem's instances: ${secs(linearEstimate)} = ${(linearEstimate / fullMs).toFixed(0)}× the index`,
);
log(
  `baseline B (instances grouped by package, range parsed once, Range#test per instance): ${(grouped.msPerEval * 1e6).toFixed(0)} ns per evaluation ` +
    `over ${grouped.evals} evaluations (${Math.min(npmSample.length, 400)} npm advisories); the full set needs ${groupedEvaluations} evaluations: ` +
    `${secs(groupedEstimate)} = ${(groupedEstimate / fullMs).toFixed(1)}× the index`,
);

// 6. One large SBOM, in child processes.
const dir = mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-'));
const file = path.join(dir, 'sbom.cdx.json');
const tWrite = performance.now();
const bytes = await writeSbom(file, universe, scale.sbomComponents);
const writeMs = performance.now() - tWrite;
const child = (...args: string[]) => {
  const script = fileURLToPath(new URL('./exposure/sbom-child.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string);
};
const ingestOnly = child('ingest', file);
const withMatch = child('match', file, small ? 'small' : 'full');
rmSync(dir, { recursive: true, force: true });
log(
  `SBOM: ${scale.sbomComponents} components + as many dependency entries, ${mb(bytes)} MiB CycloneDX 1.6 (written in ${secs(writeMs)})`,
);
log(
  `  child 1, ingest only: ${secs(ingestOnly.ingestMs)} (CPU ${secs(ingestOnly.ingestCpuMs)}), ${ingestOnly.components} components (${ingestOnly.matchable} matchable), peak RSS ${ingestOnly.peakRssMb} MiB`,
);
log(
  `  child 2, advisory set (${withMatch.advisories}) built first in ${secs(withMatch.advisoriesMs)} (RSS ${withMatch.rssBeforeMb} MiB), ` +
    `then ingest ${secs(withMatch.ingestMs)} + match ${secs(withMatch.matchMs)} = ${secs(withMatch.ingestMs + withMatch.matchMs)} ` +
    `(CPU ${secs(withMatch.cpuMs)}): ` +
    `${withMatch.findings} findings in ${withMatch.affectedComponents} components, peak RSS ${withMatch.peakRssMb} MiB`,
);

const result = {
  scale: small ? 'small' : 'full',
  instances: stats.instances,
  advisories: advisories.length,
  affectedPackages: entries,
  indexBuildMs: Math.round(buildMs),
  fullMatchMs: Math.round(fullMs),
  fullMatchPeakRssMb: fullRss,
  hits: hitCount,
  incrementalP50Ms: Number(p50.toFixed(3)),
  incrementalP99Ms: Number(p99.toFixed(3)),
  sbomComponents: scale.sbomComponents,
  sbomMb: mb(bytes),
  sbomIngestOnlyMs: Math.round(ingestOnly.ingestMs),
  sbomIngestOnlyPeakRssMb: ingestOnly.peakRssMb,
  sbomIngestMatchMs: Math.round(withMatch.ingestMs + withMatch.matchMs),
  sbomIngestMatchCpuMs: Math.round(withMatch.cpuMs),
  sbomIngestMatchPeakRssMb: withMatch.peakRssMb,
  baselineLinearRatio: Math.round(linearEstimate / fullMs),
  baselineGroupedRatio: Number((groupedEstimate / fullMs).toFixed(1)),
};
const checks: [string, boolean][] = [
  ['full match ≤ 10 s', fullMs <= 10_000],
  ['full match ≤ 4 GiB RSS', fullRss <= 4096],
  ['incremental p99 ≤ 50 ms', p99 <= 50],
  ['300k SBOM ingest+match ≤ 10 s', withMatch.ingestMs + withMatch.matchMs <= 10_000],
  ['300k SBOM ingest ≤ 2 GiB RSS', ingestOnly.peakRssMb <= 2048],
  ['≥ 50× naive baseline A', linearEstimate / fullMs >= 50],
];
log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (!small) for (const [name, ok] of checks) log(`${ok ? 'PASS' : 'MISS'}  ${name}`);
log(`RESULT ${JSON.stringify(result)}`);
