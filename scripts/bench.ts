// `pnpm bench`: runs every `bench/*.bench.ts` module in the workspace one after another
// and lets each print its own figures. A module exports `default async function bench()`.
import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];
const files: string[] = [];
for (const top of ['packages', 'apps']) {
  for (const pkg of readdirSync(join(root, top))) {
    const dir = join(root, top, pkg, 'bench');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.bench.ts')) files.push(join(dir, f));
  }
}
for (const file of files) {
  if (only && !file.includes(only)) continue;
  console.log(`\n== ${relative(root, file)}`);
  const mod = (await import(pathToFileURL(file).href)) as { default: () => Promise<void> };
  await mod.default();
}
