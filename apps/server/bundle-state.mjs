// Whether dist/ (build.mjs) is missing or older than what it was built from. build.mjs writes
// dist/build-info.json: when the build started, every file esbuild read (workspace sources and
// node_modules files, from its metafile), the files it copied, itself, and every file it wrote. The
// bundle is stale when a file it wrote is missing, or a file it read is gone or was modified after
// the build started (a new import changes the importing file; a new package version changes the
// path under node_modules/.pnpm). Checking takes a stat per file (about 2,000).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
export const BUNDLE_ENTRY = join(here, 'dist/main.mjs');
export const BUILD_INFO = join(here, 'dist/build-info.json');

/** Why dist/ needs a build (a short English reason), or null when it is up to date. */
export function bundleStaleness() {
  let info;
  try {
    info = JSON.parse(readFileSync(BUILD_INFO, 'utf8'));
  } catch {
    return 'not built yet';
  }
  for (const file of info.outputs) {
    try {
      statSync(join(repoRoot, file));
    } catch {
      return `${file} is missing`;
    }
  }
  for (const file of info.inputs) {
    let modified;
    try {
      modified = statSync(join(repoRoot, file)).mtimeMs;
    } catch {
      return `${file} is gone`;
    }
    if (modified > info.startedMs) return `${file} changed`;
  }
  return null;
}
