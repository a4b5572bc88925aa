import { readFileSync } from 'node:fs';
import { loadAdvisories } from '../../lib/advisories';
import { ingestSbom, SbomError } from '../../lib/sbom';
import { findExposures } from './findings';
import { toSarif } from './sarif';
import { toTable } from './table';

/** Options of `bulwark scan`. */
export interface ScanOptions {
  readonly advisories: string;
  readonly format: 'table' | 'json' | 'sarif';
  readonly lenient?: boolean;
}

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const err = (text: string) => process.stderr.write(`bulwark: ${text}\n`);

function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

/**
 * Scans one SBOM against an advisory set like osv-scanner/Grype do offline. Returns the exit code: 1 when a
 * component is affected, 0 when none is, 2 when the SBOM or the advisories cannot be used.
 */
export async function runScan(sbomFile: string, options: ScanOptions): Promise<number> {
  let sbom: Awaited<ReturnType<typeof ingestSbom>>;
  try {
    sbom = await ingestSbom(sbomFile, { lenient: options.lenient === true });
  } catch (error) {
    if (error instanceof SbomError) {
      for (const e of error.errors) err(`invalid SBOM ${sbomFile}: ${e.path}: ${e.message}`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      err(`cannot read SBOM ${sbomFile}: no such file`);
      return 2;
    }
    throw error;
  }
  let set: Awaited<ReturnType<typeof loadAdvisories>>;
  try {
    set = await loadAdvisories(options.advisories);
  } catch (error) {
    err(
      `cannot read advisories ${options.advisories}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  if (set.counts.records === 0) {
    err(`no advisories found in ${options.advisories} (OSV, CSAF 2.0 or Node.js Security WG JSON expected)`);
    return 2;
  }
  for (const w of sbom.warnings) err(`warning: ${sbomFile}: ${w.path}: ${w.message}`);
  const findings = findExposures(sbom.components, set.advisories);
  const c = sbom.counts;
  const summary = [
    `${sbom.format} ${sbom.specVersion}: ${c.components} components, ${c.matchable} matchable by purl ` +
      `(${c.withoutPurl} without purl, ${c.unsupportedPurl} with a purl type no advisory database covers, ${c.invalidPurl} invalid purls)`,
    `advisories: ${set.counts.records} loaded, ${set.counts.unsupported} ranges not evaluable ` +
      `(${
        Object.entries(set.counts.unsupportedByType)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ') || 'none'
      }), ${set.counts.problems} inputs skipped`,
    `${findings.length} findings in ${new Set(findings.map((f) => f.component)).size} components`,
  ];
  if (options.format === 'json') {
    out(
      JSON.stringify({
        sbom: {
          file: sbomFile,
          format: sbom.format,
          specVersion: sbom.specVersion,
          serialNumber: sbom.serialNumber ?? null,
          counts: c,
        },
        advisories: set.counts,
        findings: findings.map((f) => ({
          component: f.component,
          advisory: {
            id: f.advisory.id,
            aliases: f.advisory.aliases,
            summary: f.advisory.summary,
            severity: f.advisory.severity,
            modified: f.advisory.modified,
          },
          score: f.score,
        })),
      }),
    );
    for (const line of summary) err(line);
  } else if (options.format === 'sarif') {
    out(JSON.stringify(toSarif(findings, sbomFile, toolVersion())));
    for (const line of summary) err(line);
  } else {
    if (findings.length > 0) out(toTable(findings));
    out(`\n${summary.join('\n')}`);
  }
  return findings.length > 0 ? 1 : 0;
}
