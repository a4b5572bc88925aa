import { readFileSync } from 'node:fs';

/** Root of the shared third-party vectors (../shared/vectors from the repository root). */
export const VECTORS = new URL('../../../../../shared/vectors/', import.meta.url);

/** Reads a vectors file as text. */
export function readVector(path: string): string {
  return readFileSync(new URL(path, VECTORS), 'utf8');
}

/** One expected comparison: `cmp(a, b) === expected`. */
export interface PairCase {
  readonly a: string;
  readonly b: string;
  readonly expected: -1 | 0 | 1;
  readonly source: string;
}

const OPS: Record<string, -1 | 0 | 1> = { '<': -1, '=': 0, '>': 1 };

/** Parses an osv-scalibr / apk-tools "A op B" file (blank lines and "# " / "// " comments skipped). */
export function readOpFile(path: string): PairCase[] {
  const out: PairCase[] = [];
  for (const line of readVector(path).split('\n')) {
    if (line.trim() === '' || line.startsWith('# ') || line.startsWith('// ')) continue;
    const parts = line.split(' ');
    const expected = OPS[parts[1] as string];
    if (parts.length !== 3 || expected === undefined) throw new Error(`bad vector line in ${path}: ${line}`);
    out.push({ a: parts[0] as string, b: parts[2] as string, expected, source: path });
  }
  return out;
}

/** Parses rpm's tests/rpmvercmp.at: active RPMVERCMP(a, b, expected) lines (the "dnl" ones are disabled upstream). */
export function readRpmvercmp(path: string): PairCase[] {
  const out: PairCase[] = [];
  for (const line of readVector(path).split('\n')) {
    const m = /^RPMVERCMP\(([^,]*), ([^,]*), (-?\d)\)$/.exec(line.trim());
    if (!m) continue;
    out.push({ a: m[1] as string, b: m[2] as string, expected: Number(m[3]) as -1 | 0 | 1, source: path });
  }
  return out;
}

/** A univers / vers-spec "comparison" (expected sort order) or "equality" test. */
export interface SchemaCmpTest {
  readonly description: string;
  readonly type: 'comparison' | 'equality';
  readonly scheme: string;
  readonly versions: readonly string[];
  readonly expected: readonly string[] | boolean;
  readonly source: string;
}

interface RawSchemaTest {
  description: string;
  test_type: string;
  input: { input_scheme: string; versions: string[] };
  expected_output: string[] | boolean;
}

/** Reads a univers schema array or a vers-spec `{tests: [...]}` file, keeping comparison/equality tests. */
export function readSchemaCmp(path: string): SchemaCmpTest[] {
  const json = JSON.parse(readVector(path)) as RawSchemaTest[] | { tests: RawSchemaTest[] };
  const tests = Array.isArray(json) ? json : json.tests;
  return tests
    .filter((t) => t.test_type === 'comparison' || t.test_type === 'equality')
    .map((t) => ({
      description: t.description,
      type: t.test_type as 'comparison' | 'equality',
      scheme: t.input.input_scheme,
      versions: t.input.versions,
      expected: t.expected_output,
      source: path,
    }));
}
