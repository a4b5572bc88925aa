import { normalizeOsvPackageName } from '../purl';
import {
  type CompiledRange,
  compileOsvAffected,
  InvalidRangeError,
  InvalidVersionError,
  type OsvAffected,
  resolveEcosystemName,
  unionCompiled,
} from '../versions';
import type { AffectedPackage, UnsupportedAffected } from './types';

/** The empty version set. */
export const NOTHING: CompiledRange = { intervals: [], stableIntervals: [] };

/** An affected package whose versions cannot be ordered at all (unknown ecosystem). */
function unorderable(ecosystem: string, name: string): AffectedPackage {
  return {
    ecosystem,
    name: normalizeOsvPackageName(ecosystem, name),
    compiled: NOTHING,
    unsupported: [{ type: 'package', reason: `no version ordering is known for ecosystem ${ecosystem}` }],
  };
}

/** Builds an affected package from compiled pieces (name normalized for matching). */
export function affectedPackage(
  ecosystem: string,
  name: string,
  compiled: CompiledRange,
  unsupported: readonly UnsupportedAffected[],
): AffectedPackage {
  return {
    ecosystem,
    name: normalizeOsvPackageName(ecosystem, name),
    compiled: { intervals: compiled.intervals, stableIntervals: compiled.stableIntervals },
    unsupported,
  };
}

/** Compiles one piece of an `affected[]` entry, turning a malformed range into an unsupported one. */
function compilePiece(
  piece: OsvAffected,
  ecosystem: string,
  type: string,
): { compiled: CompiledRange; unsupported: UnsupportedAffected[] } {
  try {
    const c = compileOsvAffected(piece, ecosystem);
    const unsupported: UnsupportedAffected[] = c.unsupported.map((u) => ({ type: u.type, reason: u.reason }));
    for (const v of c.invalidVersions)
      unsupported.push({
        type: 'versions',
        reason: `not a valid ${ecosystem} version: ${JSON.stringify(v)}`,
      });
    return { compiled: c, unsupported };
  } catch (error) {
    if (!(error instanceof InvalidRangeError || error instanceof InvalidVersionError)) throw error;
    return { compiled: NOTHING, unsupported: [{ type, reason: error.message }] };
  }
}

/**
 * Compiles an OSV `affected[]` entry (OSV schema "Evaluation": listed versions or SEMVER/ECOSYSTEM ranges).
 * Each range is compiled on its own so a malformed one (an unparsable event version) is reported without
 * losing the others. `ranges` counts what was evaluated: compiled ranges plus a non-empty `versions` list.
 */
export function compileOsvEntry(
  ecosystem: string,
  name: string,
  entry: OsvAffected,
): { pkg: AffectedPackage; ranges: number } {
  if (resolveEcosystemName(ecosystem) === null) return { pkg: unorderable(ecosystem, name), ranges: 0 };
  let compiled = NOTHING;
  const unsupported: UnsupportedAffected[] = [];
  let ranges = 0;
  const rangeList = Array.isArray(entry.ranges) ? entry.ranges : [];
  for (const range of rangeList) {
    const piece = compilePiece({ ranges: [range] }, ecosystem, String(range?.type));
    if (piece.unsupported.length === 0) ranges++;
    compiled = unionCompiled(compiled, piece.compiled);
    unsupported.push(...piece.unsupported);
  }
  const versions = Array.isArray(entry.versions) ? entry.versions.filter((v) => typeof v === 'string') : [];
  if (versions.length > 0) {
    const piece = compilePiece({ versions }, ecosystem, 'versions');
    ranges++;
    compiled = unionCompiled(compiled, piece.compiled);
    unsupported.push(...piece.unsupported);
  }
  return { pkg: affectedPackage(ecosystem, name, compiled, unsupported), ranges };
}

/** Merges affected packages that name the same (ecosystem, name), keeping first-seen order. */
export function mergeAffected(list: readonly AffectedPackage[]): AffectedPackage[] {
  const byKey = new Map<string, AffectedPackage>();
  for (const p of list) {
    const key = `${p.ecosystem}\u0000${p.name}`;
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen === undefined
        ? p
        : {
            ...seen,
            compiled: unionCompiled(seen.compiled, p.compiled),
            unsupported: [...seen.unsupported, ...p.unsupported],
          },
    );
  }
  return [...byKey.values()];
}
