import type { CvssSeverity } from './types';

/** FIRST qualitative severity scale (v3.x section 5, v4.0 section 6): 0 / 0.1-3.9 / 4-6.9 / 7-8.9 / 9-10. */
export function qualitativeSeverity(score: number): CvssSeverity {
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

/** NVD's CVSS v2.0 bands (v2.0 defines none): LOW 0-3.9, MEDIUM 4-6.9, HIGH 7-10. */
export function nvdV2Severity(score: number): CvssSeverity {
  if (score < 4) return 'LOW';
  return score < 7 ? 'MEDIUM' : 'HIGH';
}
