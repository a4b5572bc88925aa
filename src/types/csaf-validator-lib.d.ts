// @secvisogram/csaf-validator-lib ships no type declarations; src/lib/formats/csaf-validator.test-support.ts types its use.
declare module '@secvisogram/csaf-validator-lib/validate.js';
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js';
declare module '@secvisogram/csaf-validator-lib/optionalTests.js';
declare module '@secvisogram/csaf-validator-lib/schemaTests.js';
