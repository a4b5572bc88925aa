/**
 * Child process of bench/exposure.ts for the large-SBOM phase, so that its peak RSS is measured on its own:
 *   ingest <file>          ingest only (peak RSS = Node baseline + the streaming ingest)
 *   match <file> <small>   build the advisory set first, then ingest and match (times the two phases)
 * Prints one JSON line.
 */

import { AdvisoryIndex } from '../../src/lib/matching';
import { ingestSbom } from '../../src/lib/sbom';
import { buildUniverse, FULL, loadCorpora, type Scale, SMALL, syntheticAdvisories } from './universe';

const [mode, file, size] = process.argv.slice(2) as [string, string, string | undefined];

/** The bench's advisory set, indexed; the generator's universe is garbage once this returns. */
async function advisoryIndex(scale: Scale): Promise<AdvisoryIndex> {
  const corpora = await loadCorpora();
  const synthetic = syntheticAdvisories(buildUniverse(scale, corpora.advisories), scale.syntheticAdvisories);
  return AdvisoryIndex.from([...corpora.advisories, ...synthetic.advisories]);
}
const mb = (kb: number) => Math.round(kb / 1024);
/** CPU time (user + system) of this process in ms: on a shared host it varies less than wall time. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

if (mode === 'ingest') {
  const c0 = cpuMs();
  const t0 = performance.now();
  const sbom = await ingestSbom(file);
  const ingestMs = performance.now() - t0;
  process.stdout.write(
    `${JSON.stringify({ ingestMs, ingestCpuMs: cpuMs() - c0, components: sbom.counts.components, matchable: sbom.counts.matchable, peakRssMb: mb(process.resourceUsage().maxRSS) })}\n`,
  );
} else {
  const t0 = performance.now();
  const index = await advisoryIndex(size === 'small' ? SMALL : FULL);
  const advisoriesMs = performance.now() - t0;
  const rssBeforeMb = mb(process.resourceUsage().maxRSS);
  const c1 = cpuMs();
  const t1 = performance.now();
  const sbom = await ingestSbom(file);
  const t2 = performance.now();
  const hits = index.matchComponents(sbom.components);
  const t3 = performance.now();
  const cpu = cpuMs() - c1;
  process.stdout.write(
    `${JSON.stringify({
      advisoriesMs,
      advisories: index.size,
      rssBeforeMb,
      ingestMs: t2 - t1,
      matchMs: t3 - t2,
      cpuMs: cpu,
      components: sbom.counts.components,
      findings: hits.length,
      affectedComponents: new Set(hits.map((h) => h.component)).size,
      peakRssMb: mb(process.resourceUsage().maxRSS),
    })}\n`,
  );
}
