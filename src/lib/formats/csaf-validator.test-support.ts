import * as mandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import * as optionalTests from '@secvisogram/csaf-validator-lib/optionalTests.js';
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js';
import validate from '@secvisogram/csaf-validator-lib/validate.js';

/** One test's outcome in the reference validator. */
export interface ReferenceTest {
  name: string;
  isValid: boolean;
  errors: { instancePath: string; message: string }[];
  warnings: unknown[];
}

/** The mandatory tests of the OASIS reference validator (@secvisogram/csaf-validator-lib), by name. */
export const MANDATORY_TESTS = mandatoryTests as Record<string, unknown>;
/** Its optional tests; informative ones are never run (6.3.6/6.3.7 make HTTP requests, 6.3.8 spawns hunspell). */
export const OPTIONAL_TESTS = optionalTests as Record<string, unknown>;

/** Runs the strict schema plus the given tests (every mandatory test by default) on a CSAF document. */
export async function referenceValidate(
  doc: unknown,
  tests: Record<string, unknown> = MANDATORY_TESTS,
): Promise<{ isValid: boolean; tests: ReferenceTest[] }> {
  return (await validate([csaf_2_0_strict, ...Object.values(tests)], doc)) as {
    isValid: boolean;
    tests: ReferenceTest[];
  };
}
