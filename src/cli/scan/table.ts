import type { Finding } from './findings';

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Findings as an aligned text table (one row per affected component and advisory). */
export function toTable(findings: readonly Finding[]): string {
  const rows = findings.map((f) => [
    f.score === null ? '-' : f.score.toFixed(1),
    f.advisory.id,
    cut(f.advisory.aliases.join(','), 30),
    f.component.ecosystem ?? '',
    f.component.name,
    f.component.version ?? '',
    cut(f.advisory.summary, 60),
  ]);
  const header = ['SCORE', 'ADVISORY', 'ALIASES', 'ECOSYSTEM', 'PACKAGE', 'VERSION', 'SUMMARY'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
