import { type Command, Option } from 'commander';

/** `bulwark scan <sbom> --advisories <path>`: offline exposure scan of one SBOM (exit 1 when affected). */
export function registerScan(program: Command) {
  program
    .command('scan')
    .argument('<sbom>', 'CycloneDX 1.2–1.7 or SPDX 2.2/2.3 JSON file')
    .requiredOption(
      '--advisories <path>',
      'OSV/CSAF/Node.js Security WG advisories: a file, folder, zip or JSON Lines',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'sarif']).default('table'),
    )
    .option('--lenient', 'accept SBOMs missing required properties that do not identify components')
    .description(
      'match one SBOM against an advisory set by purl; exit 1 if affected, 0 if clean, 2 on errors',
    )
    .action(
      async (
        sbom: string,
        options: { advisories: string; format: 'table' | 'json' | 'sarif'; lenient?: boolean },
      ) => {
        const { runScan } = await import('../scan/run');
        process.exitCode = await runScan(sbom, options);
      },
    );
}
