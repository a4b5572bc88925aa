import { randomUUID } from 'node:crypto';

/** What the VEX export needs of one exposure. */
export interface VexEntry {
  advisoryId: string;
  ecosystem: string;
  name: string;
  version: string;
  purl: string | null;
  state: string;
  justification: string | null;
  detail: string | null;
  resolved: boolean;
}

// CycloneDX 1.6 `vulnerabilities[].analysis.state` for each Bulwark triage state.
const STATE: Record<string, string> = {
  affected: 'exploitable',
  'not-affected': 'not_affected',
  fixed: 'resolved',
  'false-positive': 'false_positive',
};

/** A CycloneDX 1.6 VEX document for one asset: every exposure with its analysis (CycloneDX §vulnerabilities). */
export function cyclonedxVex(asset: { id: string; name: string }, entries: readonly VexEntry[], now: Date) {
  const refs = new Map<string, string>();
  const components = entries.flatMap((e) => {
    const key = `${e.ecosystem}|${e.name}|${e.version}`;
    if (refs.has(key)) return [];
    const ref = `component-${refs.size + 1}`;
    refs.set(key, ref);
    return [
      {
        type: 'library',
        'bom-ref': ref,
        name: e.name,
        version: e.version,
        ...(e.purl ? { purl: e.purl } : {}),
      },
    ];
  });
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: now.toISOString(),
      tools: { components: [{ type: 'application', name: 'Bulwark' }] },
      component: { type: 'application', 'bom-ref': `asset-${asset.id}`, name: asset.name },
    },
    components,
    vulnerabilities: entries.map((e) => ({
      id: e.advisoryId,
      analysis: {
        state: e.resolved && e.state === 'affected' ? 'resolved' : (STATE[e.state] ?? 'in_triage'),
        ...(e.justification ? { justification: e.justification } : {}),
        ...(e.detail ? { detail: e.detail } : {}),
      },
      affects: [{ ref: refs.get(`${e.ecosystem}|${e.name}|${e.version}`)! }],
    })),
  };
}
