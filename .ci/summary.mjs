// Prints one `<engine>: N passed, N failed` line from the Vitest JSON reports of a run, and lists failures.
import fs from 'node:fs';
import path from 'node:path';

const [engine, dir] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const s of r.testResults) {
    for (const a of s.assertionResults) if (a.status === 'failed') console.log(`FAILED ${a.fullName}`);
  }
}
console.log(`${engine}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
