import { execFileSync } from 'node:child_process';
import { repoRoot } from './paths';

/** Builds the web app once per run: the server only serves `dist/web`, it never builds it. */
export default function setup(): void {
  const started = Date.now();
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  console.log(`e2e: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
