// Prints one `<engine>: N passed, N failed` line from the Vitest JSON reports of a run, lists failures and skips, and
// the slowest files, so the 20-minute CI budget shows where it goes.
import fs from 'node:fs';
import path from 'node:path';

const [engine, dir] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const files = [];
for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const s of r.testResults) {
    files.push([s.endTime - s.startTime, path.relative(process.cwd(), s.name)]);
    for (const a of s.assertionResults) {
      if (a.status === 'failed') console.log(`FAILED ${a.fullName}`);
      if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo')
        console.log(`SKIPPED ${a.fullName}`);
    }
  }
}
console.log(`${engine}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
for (const [ms, name] of files.sort((a, b) => b[0] - a[0]).slice(0, 12)) {
  console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
}
