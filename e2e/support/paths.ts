import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where journeys save screenshots (git-ignored). */
export const artifactsDir = fileURLToPath(new URL('../../artifacts/e2e/', import.meta.url));
