import type { ProductT } from '../../lib/types';

/** An affected-version range of a product, in OSV event terms. */
export type VersionRangeT = ProductT['versionRanges'][number];

/**
 * A range as an interval (OSV schema §affected.ranges: `introduced` is inclusive, `fixed` exclusive,
 * `last_affected` inclusive); a range with no bound at all covers every version.
 */
export function rangeText(r: VersionRangeT): string {
  const parts = [
    r.introduced ? `≥ ${r.introduced}` : null,
    r.fixed ? `< ${r.fixed}` : null,
    r.lastAffected ? `≤ ${r.lastAffected}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : '*';
}

/** The ranges a form holds, without rows left entirely blank and with blank bounds dropped. */
export function cleanRanges(
  rows: (Partial<Record<keyof VersionRangeT, string>> | undefined)[],
): VersionRangeT[] {
  return rows.flatMap((row) => {
    const r: VersionRangeT = {};
    for (const k of ['introduced', 'fixed', 'lastAffected'] as const) {
      const v = row?.[k]?.trim();
      if (v) r[k] = v;
    }
    return Object.keys(r).length ? [r] : [];
  });
}
