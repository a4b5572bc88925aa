import type { OsvAffected } from '../versions';
import { compileOsvEntry, mergeAffected } from './compile';
import type { AdvisorySeverity, AffectedPackage, Normalized, UnsupportedAffected } from './types';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

/** True for a value shaped like an OSV record: an `id` with `modified` (required), `affected` or `schema_version`. */
export function looksLikeOsv(doc: unknown): doc is Rec {
  return (
    isRec(doc) &&
    typeof doc.id === 'string' &&
    (doc.modified !== undefined || doc.affected !== undefined || doc.schema_version !== undefined)
  );
}

function severities(record: Rec): AdvisorySeverity[] {
  const out = new Map<string, AdvisorySeverity>();
  const add = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const s of list)
      if (isRec(s) && typeof s.type === 'string' && typeof s.score === 'string')
        out.set(`${s.type} ${s.score}`, { type: s.type, score: s.score });
  };
  add(record.severity);
  if (Array.isArray(record.affected)) for (const a of record.affected) if (isRec(a)) add(a.severity);
  return [...out.values()];
}

/** First line of a text, shortened to 200 characters (for records without a summary). */
export function headline(text: unknown): string {
  if (typeof text !== 'string') return '';
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * Normalizes an OSV record (OSV schema 1.x). Every `affected[]` entry with a package becomes an affected
 * package (entries for the same package are merged); GIT and unknown range types, malformed ranges and
 * invalid listed versions are kept as `unsupported`. Entries without a package (GIT-only entries for a
 * repository) go to the advisory's own `unsupported` list.
 */
export function normalizeOsv(record: Rec): Normalized {
  const affected: AffectedPackage[] = [];
  const orphans: UnsupportedAffected[] = [];
  let ranges = 0;
  const entries = Array.isArray(record.affected) ? record.affected : [];
  for (const entry of entries) {
    if (!isRec(entry)) continue;
    const pkg = isRec(entry.package) ? entry.package : null;
    if (pkg === null || typeof pkg.ecosystem !== 'string' || typeof pkg.name !== 'string') {
      const rangeList = Array.isArray(entry.ranges) ? entry.ranges : [];
      for (const r of rangeList)
        orphans.push({
          type: String(isRec(r) ? r.type : r),
          reason: 'range of an affected entry without a package',
        });
      if (rangeList.length === 0)
        orphans.push({ type: 'package', reason: 'affected entry without a package' });
      continue;
    }
    const compiled = compileOsvEntry(pkg.ecosystem, pkg.name, entry as OsvAffected);
    affected.push(compiled.pkg);
    ranges += compiled.ranges;
  }
  const withdrawn = typeof record.withdrawn === 'string' ? record.withdrawn : undefined;
  return {
    advisories: [
      {
        id: record.id as string,
        aliases: strings(record.aliases),
        modified: typeof record.modified === 'string' ? record.modified : null,
        ...(withdrawn === undefined ? {} : { withdrawn }),
        summary: typeof record.summary === 'string' ? record.summary : headline(record.details),
        severity: severities(record),
        affected: mergeAffected(affected),
        unsupported: orphans,
        source: 'osv',
      },
    ],
    problems: [],
    ranges,
  };
}
