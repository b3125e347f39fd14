// Whether dist/ (build.mjs) is missing or older than what it was built from. build.mjs writes
// dist/build-info.json: every file esbuild read (workspace sources and node_modules files, from
// its metafile), the files it copied, and itself. The bundle is stale when one of those files is
// gone or was modified after dist/main.mjs was written (a new import changes the importing file,
// a new package version changes the path under node_modules/.pnpm).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
export const BUNDLE_ENTRY = join(here, 'dist/main.mjs');
export const BUILD_INFO = join(here, 'dist/build-info.json');

/** Why dist/ needs a build (a short English reason), or null when it is up to date. */
export function bundleStaleness() {
  let builtMs;
  let info;
  try {
    builtMs = statSync(BUNDLE_ENTRY).mtimeMs;
    info = JSON.parse(readFileSync(BUILD_INFO, 'utf8'));
  } catch {
    return 'not built yet';
  }
  for (const file of info.inputs) {
    let modified;
    try {
      modified = statSync(join(repoRoot, file)).mtimeMs;
    } catch {
      return `${file} is gone`;
    }
    if (modified > builtMs) return `${file} changed`;
  }
  return null;
}
