import type { Finding } from './findings';

/** SARIF 2.1.0 `level` (§3.27.10) from a CVSS base score: error from 7.0 (High), warning from 4.0, else note. */
export function sarifLevel(score: number | null): 'error' | 'warning' | 'note' {
  if (score === null) return 'warning';
  return score >= 7 ? 'error' : score >= 4 ? 'warning' : 'note';
}

/**
 * A SARIF 2.1.0 log (OASIS SARIF v2.1.0 §3.13) of scan findings, shaped like osv-scanner's and Grype's: one
 * rule (§3.49 reportingDescriptor) per advisory, one result (§3.27) per affected component, located at the SBOM
 * file (§3.29 physicalLocation) and at the package (§3.33 logicalLocation, its purl). The CVSS base score goes
 * into the rule's `security-severity` property, which GitHub code scanning reads.
 */
export function toSarif(findings: readonly Finding[], sbomUri: string, toolVersion: string) {
  const ruleIndex = new Map<string, number>();
  const rules: object[] = [];
  for (const f of findings) {
    if (ruleIndex.has(f.advisory.id)) continue;
    ruleIndex.set(f.advisory.id, rules.length);
    const summary = f.advisory.summary || f.advisory.id;
    rules.push({
      id: f.advisory.id,
      shortDescription: { text: `${f.advisory.id}: ${summary}` },
      fullDescription: { text: summary },
      help: { text: `Aliases: ${f.advisory.aliases.join(', ') || 'none'}` },
      properties: {
        tags: ['security', 'vulnerability', ...f.advisory.aliases],
        ...(f.score === null ? {} : { 'security-severity': f.score.toFixed(1) }),
      },
    });
  }
  const results = findings.map((f) => {
    const pkg = `${f.component.name}@${f.component.version ?? ''}`;
    return {
      ruleId: f.advisory.id,
      ruleIndex: ruleIndex.get(f.advisory.id) as number,
      level: sarifLevel(f.score),
      message: {
        text: `${f.component.ecosystem} package ${pkg} is affected by ${f.advisory.id}${f.advisory.summary ? `: ${f.advisory.summary}` : ''}`,
      },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: sbomUri } },
          logicalLocations: [
            { name: f.component.name, fullyQualifiedName: f.component.purl ?? pkg, kind: 'package' },
          ],
        },
      ],
      partialFingerprints: { 'bulwark/package-advisory': `${f.component.ecosystem}/${pkg}/${f.advisory.id}` },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bulwark',
            informationUri: 'https://github.com/bulwark',
            version: toolVersion,
            rules,
          },
        },
        results,
      },
    ],
  };
}
