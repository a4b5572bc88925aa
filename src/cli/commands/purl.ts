import type { Command } from 'commander';

/** `bulwark purl parse <purl>`: decode a Package URL (ECMA-427) and print its components as JSON. */
export function registerPurl(program: Command) {
  const purl = program.command('purl').description('Package URLs (ECMA-427)');
  purl
    .command('parse')
    .argument('<purl>', 'a Package URL, e.g. pkg:npm/%40angular/core@16.2.0')
    .option('--lenient', 'repair what the spec normalises (upper-case qualifier keys, unencoded @)')
    .description(
      'print type, namespace, name, version, qualifiers, subpath and the OSV package as JSON (exit 2 if invalid)',
    )
    .action(async (input: string, options: { lenient?: boolean }) => {
      const { PurlError, parsePurl, purlToOsvEcosystem } = await import('../../lib/purl');
      try {
        const parsed = parsePurl(input, { lenient: options.lenient === true });
        process.stdout.write(`${JSON.stringify({ ...parsed, osv: purlToOsvEcosystem(parsed) })}\n`);
      } catch (error) {
        if (!(error instanceof PurlError)) throw error;
        process.stderr.write(`bulwark: invalid purl: ${error.message}\n`);
        process.exitCode = 2;
      }
    });
}
