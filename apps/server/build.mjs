// `pnpm --filter @kaoping/server build`: the server as plain JavaScript in dist/ (esbuild), so
// `pnpm start` runs without tsx's loader and TypeScript compilation at run time (less memory, faster
// start). dist/main.mjs is the entry; modules loaded with import() become chunks of their own, loaded
// at first use. Every output file sits in dist/ itself (no sub-folders), so `new URL('./x',
// import.meta.url)` in any chunk resolves the same way:
// - the tasks that run-isolated.ts starts in a child process (`new URL('./name.ts', import.meta.url)`)
//   are entry points of their own, dist/name.mjs, and the reference is rewritten to './name.mjs';
// - run-isolated.ts's child body (isolated-entry.mjs) is copied beside them;
// - env.ts's repository root (`new URL('.', import.meta.url)` + '../../..') is the same from dist/ as from src/.
// Native packages (better-sqlite3, @node-rs/argon2) stay outside the bundle and load from node_modules.
// dist/build-info.json lists what the bundle was built from (bundle-state.mjs: is it stale?).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const outdir = join(here, 'dist');

/** `new URL('./name.ts', import.meta.url)`: a module started in another process by URL. */
const TASK_URL = /new URL\((['"])\.\/([\w.-]+)\.ts\1, import\.meta\.url\)/g;
/** `new URL('./name.mjs', import.meta.url)`: a plain JavaScript file started by path (isolated-entry.mjs). */
const FILE_URL = /new URL\((['"])\.\/([\w.-]+\.mjs)\1, import\.meta\.url\)/g;

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(e.name) && !/\.(test|bench)\.ts$/.test(e.name) ? [path] : [];
  });
}

// Every task module and plain file referenced by URL in the workspace's sources.
const tasks = new Map();
const files = new Map();
for (const root of ['packages', 'apps/server']) {
  const base = join(repoRoot, root);
  for (const pkg of root === 'packages' ? readdirSync(base).map((p) => join(base, p, 'src')) : [join(base, 'src')]) {
    let all;
    try {
      all = sourceFiles(pkg);
    } catch {
      continue;
    }
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      for (const [, , name] of text.matchAll(TASK_URL)) addUnique(tasks, name, join(dirname(file), `${name}.ts`));
      for (const [, , name] of text.matchAll(FILE_URL)) addUnique(files, name, join(dirname(file), name));
    }
  }
}

function addUnique(map, name, path) {
  const seen = map.get(name);
  if (seen !== undefined && seen !== path) throw new Error(`two modules would both be dist/${name}: ${seen} and ${path}`);
  map.set(name, path);
}

/** Rewrites task URLs to the built task files (dist/name.mjs). */
const taskUrls = {
  name: 'task-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!TASK_URL.test(text)) return undefined;
      TASK_URL.lastIndex = 0;
      return { contents: text.replace(TASK_URL, (_m, q, name) => `new URL(${q}./${name}.mjs${q}, import.meta.url)`), loader: 'ts' };
    });
  },
};

/** Native packages, imported from node_modules by a path relative to dist/ (they are not the server's own dependencies). */
const NATIVE = { 'better-sqlite3': 'packages/db', '@node-rs/argon2': 'packages/api' };
const nativeExternals = {
  name: 'native-externals',
  setup(b) {
    const filter = new RegExp(
      `^(${Object.keys(NATIVE)
        .map((n) => n.replace(/[/]/g, '\\/'))
        .join('|')})$`,
    );
    b.onResolve({ filter }, (args) => {
      const from = createRequire(join(repoRoot, NATIVE[args.path], 'package.json'));
      const path = relative(outdir, from.resolve(args.path)).split('\\').join('/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

// Sources changed from here on make the bundle stale (bundle-state.mjs compares with this time).
const startedMs = Date.now();
// The previous build's files stay until the next build: a server started from it may still import()
// its chunks (they are loaded at first use); older files are removed.
const previous = (() => {
  try {
    return new Set(JSON.parse(readFileSync(join(outdir, 'build-info.json'), 'utf8')).outputs);
  } catch {
    return new Set();
  }
})();
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: repoRoot,
  entryPoints: [{ in: join(here, 'src/main.ts'), out: 'main' }, ...[...tasks].map(([name, path]) => ({ in: path, out: name }))],
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  // pg's optional native driver is never installed (pg falls back to JavaScript).
  external: ['pg-native'],
  // CommonJS packages inside an ES module bundle still call require() for Node's built-in modules.
  banner: {
    js: "import { createRequire as __kaopingRequire } from 'node:module'; const require = __kaopingRequire(import.meta.url);",
  },
  plugins: [taskUrls, nativeExternals],
});
for (const [name, path] of files) copyFileSync(path, join(outdir, name));
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
// What bundle-state.mjs checks to tell whether the bundle is stale.
const inputs = [
  ...Object.keys(result.metafile.inputs),
  ...[...files.values(), join(here, 'build.mjs'), join(here, 'bundle-state.mjs')].map((f) => relative(repoRoot, f)),
];
const outputs = [...Object.keys(result.metafile.outputs), ...[...files.keys()].map((name) => relative(repoRoot, join(outdir, name)))];
const slash = (f) => f.split('\\').join('/');
writeFileSync(join(outdir, 'build-info.json'), JSON.stringify({ startedMs, inputs: inputs.map(slash), outputs: outputs.map(slash) }));
const kept = new Set([
  ...previous,
  ...outputs.map(slash),
  ...['build-info.json', 'meta.json'].map((f) => slash(relative(repoRoot, join(outdir, f)))),
]);
for (const name of readdirSync(outdir))
  if (!kept.has(slash(relative(repoRoot, join(outdir, name))))) rmSync(join(outdir, name), { force: true });
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(
  `dist/main.mjs built: ${Object.keys(result.metafile.outputs).filter((o) => o.endsWith('.mjs')).length} files, ${(bytes / 1048576).toFixed(1)} MB; tasks: ${[...tasks.keys()].join(', ')}; copied: ${[...files.keys()].join(', ')}`,
);
