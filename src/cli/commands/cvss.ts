import readline from 'node:readline';
import type { Command } from 'commander';
import { CvssError, scoreCvss } from '../../lib/cvss';

/** The JSON one vector prints: version, base score, severity, and the v4.0 macro vector. */
export function cvssLine(vector: string) {
  const s = scoreCvss(vector.trim());
  return {
    vector: s.vector,
    version: s.version,
    baseScore: s.baseScore,
    severity: s.severity,
    ...(s.macroVector ? { macroVector: s.macroVector } : {}),
  };
}

/** `bulwark cvss <vector|->`: score CVSS v2.0/v3.0/v3.1/v4.0 offline; `-` reads one vector per line. */
export function registerCvss(program: Command) {
  program
    .command('cvss')
    .argument('<vector>', 'a CVSS vector, or - to read one vector per line from stdin')
    .description(
      'score CVSS v2.0, v3.0, v3.1 and v4.0 vectors per the FIRST specifications (exit 2 if invalid)',
    )
    .action(async (vector: string) => {
      if (vector !== '-') {
        try {
          process.stdout.write(`${JSON.stringify(cvssLine(vector))}\n`);
        } catch (e) {
          if (!(e instanceof CvssError)) throw e;
          process.stderr.write(`bulwark: invalid CVSS vector: ${e.message}\n`);
          process.exitCode = 2;
        }
        return;
      }
      const out: string[] = [];
      for await (const line of readline.createInterface({
        input: process.stdin,
        crlfDelay: Number.POSITIVE_INFINITY,
      })) {
        if (!line.trim()) continue;
        try {
          out.push(JSON.stringify(cvssLine(line)));
        } catch (e) {
          if (!(e instanceof CvssError)) throw e;
          out.push(JSON.stringify({ vector: line.trim(), error: e.message }));
          process.exitCode = 2;
        }
        if (out.length >= 1000) process.stdout.write(`${out.splice(0).join('\n')}\n`);
      }
      if (out.length) process.stdout.write(`${out.join('\n')}\n`);
    });
}
