import readline from 'node:readline';
import type { Command } from 'commander';

type Versions = typeof import('../../lib/versions');

/** The ordering of an OSV ecosystem name, or an exit-2 message naming the supported ones. */
function orderingOf(lib: Versions, ecosystem: string) {
  try {
    return lib.getEcosystem(ecosystem);
  } catch (error) {
    if (!(error instanceof lib.UnknownEcosystemError)) throw error;
    process.stderr.write(
      `bulwark: unknown ecosystem ${JSON.stringify(ecosystem)} (OSV names, e.g. ${lib.listEcosystems().join(', ')})\n`,
    );
    process.exit(2);
  }
}

/** `bulwark version compare|sort`: version ordering of the 16 OSV ecosystems, offline. */
export function registerVersion(program: Command) {
  const version = program
    .command('version')
    .description('compare and sort versions as an OSV ecosystem orders them');
  version
    .command('compare')
    .argument('<ecosystem>', 'OSV ecosystem name, e.g. npm, PyPI, Maven, Go, Debian')
    .argument('<a>')
    .argument('<b>')
    .description('print -1, 0 or 1 as a is lower than, equal to or higher than b (exit 2 if invalid)')
    .action(async (ecosystem: string, a: string, b: string) => {
      const lib = await import('../../lib/versions');
      const eco = orderingOf(lib, ecosystem);
      try {
        process.stdout.write(`${eco.compare(a, b)}\n`);
      } catch (error) {
        if (!(error instanceof lib.InvalidVersionError)) throw error;
        process.stderr.write(`bulwark: ${error.message}\n`);
        process.exitCode = 2;
      }
    });
  version
    .command('sort')
    .argument('<ecosystem>', 'OSV ecosystem name')
    .description('sort versions read one per line from stdin, ascending; invalid lines are named and exit 2')
    .action(async (ecosystem: string) => {
      const lib = await import('../../lib/versions');
      const eco = orderingOf(lib, ecosystem);
      const valid: { key: string; text: string }[] = [];
      let line = 0;
      for await (const raw of readline.createInterface({
        input: process.stdin,
        crlfDelay: Number.POSITIVE_INFINITY,
      })) {
        line++;
        const text = raw.trim();
        if (text === '') continue;
        try {
          valid.push({ key: eco.sortKey(text), text });
        } catch (error) {
          if (!(error instanceof lib.InvalidVersionError)) throw error;
          process.stderr.write(`bulwark: line ${line}: ${error.message}\n`);
          process.exitCode = 2;
        }
      }
      // Sort keys compare like the versions (sort-key.ts); Array#sort is stable, so equal versions keep input order.
      valid.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      if (valid.length > 0) process.stdout.write(`${valid.map((v) => v.text).join('\n')}\n`);
    });
}
