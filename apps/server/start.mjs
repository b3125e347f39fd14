// `pnpm start [--workers N]`: the built server, dist/main.mjs (build.mjs), built first when it is
// missing or stale (bundle-state.mjs: a file it was built from changed since). Cluster workers run
// this file again and go straight to the bundle. `pnpm --filter @kaoping/server dev` runs the
// sources through tsx instead.
import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_ENTRY, bundleStaleness } from './bundle-state.mjs';

if (cluster.isPrimary) {
  const stale = bundleStaleness();
  if (stale !== null) {
    process.stderr.write(`building the server (dist/main.mjs: ${stale})\n`);
    const built = spawnSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url))], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
}
await import(pathToFileURL(BUNDLE_ENTRY).href);
