import type { AdvisorySeverity } from '../../../lib/advisories';
import { scoreCvss } from '../../../lib/cvss';

const RANK: Record<string, number> = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1, NONE: 0 };

/** The highest CVSS severity an advisory states (label and rank for sorting); unknown is rank 0. */
export function advisorySeverity(severity: readonly AdvisorySeverity[]): {
  label: string | null;
  rank: number;
} {
  let best: { label: string | null; rank: number } = { label: null, rank: 0 };
  for (const s of severity) {
    let label: string | undefined;
    try {
      if (s.type.startsWith('CVSS')) label = scoreCvss(s.score).severity;
    } catch {
      // A malformed vector in third-party data ranks as unknown rather than failing the import.
    }
    label ??= s.score.toUpperCase();
    const rank = RANK[label] ?? 0;
    if (rank > best.rank) best = { label, rank };
  }
  return best;
}
