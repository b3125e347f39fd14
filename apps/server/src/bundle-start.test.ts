// `pnpm start` runs the bundle (apps/server/start.mjs → dist/main.mjs, built first when stale): it
// serves, an upload is read in the isolated child process from the bundle's own task file (the
// `new URL('./name.ts', import.meta.url)` tasks are built as dist/name.mjs), and the document
// readers and writers stay out of what a server process loads at start.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@kaoping/api/auth/password';
import { seedMinimalOrg } from '@kaoping/api/testing/test-context';
import { officeHandle, openSqlite } from '@kaoping/db/connect';
import { insertGroup } from '@kaoping/db/org/group.repository';
import { migrateToLatest } from '@kaoping/db/migrate';
import { setUserPassword } from '@kaoping/db/users/user.repository';

const repoRoot = new URL('../../../', import.meta.url).pathname;
const dist = join(repoRoot, 'apps/server/dist');
const PASSWORD = 'Bundle#Test-2026';

describe('the bundled server (pnpm start)', () => {
  let dir: string;
  let child: ChildProcess;
  let base: string;
  let stderr = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kp-bundle-'));
    const file = join(dir, 'kaoping.db');
    const database = officeHandle(openSqlite(file), 1);
    await migrateToLatest(database.db);
    const org = await seedMinimalOrg(database);
    await insertGroup(database.db, { year: 2026, code: 'A', name: '市直部门', sortOrder: 0 });
    await setUserPassword(database.db, org.users.admin.id, await hashPassword(PASSWORD), false, new Date().toISOString());
    await database.destroy();

    const port = 21000 + Math.floor(Math.random() * 20000);
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [join(repoRoot, 'apps/server/start.mjs')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        KAOPING_DB_FILE: file,
        DATABASE_URL: '',
        PORT: String(port),
        HOST: '127.0.0.1',
        KAOPING_SEED_DEMO: '0',
        KAOPING_WORKERS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 150_000; // a build on a busy machine
    while (!stdout.includes('考评 Kaoping 已启动')) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}${stdout}`);
      if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}${stdout}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('runs dist/main.mjs without tsx and reads an upload in the isolated process from the built task', async () => {
    const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
    expect(cmdline).toContain('start.mjs');
    expect(cmdline).not.toContain('tsx');
    expect(existsSync(join(dist, 'read-interchange-task.mjs'))).toBe(true);
    expect(existsSync(join(dist, 'isolated-entry.mjs'))).toBe(true);

    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const csv = 'code,name,group,kind,parent,tags\nB0001,打包测试单位,A,city_dept,,\n';
    const upload = await fetch(`${base}/trpc/units.importFile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie },
      body: JSON.stringify({ fileName: 'units.csv', contentBase64: Buffer.from(csv).toString('base64'), year: 2026, dryRun: true }),
    });
    expect(upload.status).toBe(200);
    // A missing or broken task file would come back as "文件无法读取" (the child crashed).
    expect(await upload.json()).toMatchObject({ result: { data: { ok: true, dryRun: true, created: 1 } } });
  });

  it('keeps the document readers and writers out of what a server process loads at start', () => {
    interface Output {
      entryPoint?: string;
      imports: Array<{ path: string; kind: string; external?: boolean }>;
      inputs: Record<string, unknown>;
    }
    const meta = JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8')) as { outputs: Record<string, Output> };
    // main.mjs, then serve.ts's chunk (main imports it at once), and every chunk these import statically.
    const serveChunk = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === 'apps/server/src/serve.ts')?.[0];
    expect(serveChunk).toBeDefined();
    const loaded = new Set<string>();
    const visit = (path: string) => {
      if (loaded.has(path) || !meta.outputs[path]) return;
      loaded.add(path);
      for (const i of meta.outputs[path].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    visit('apps/server/dist/main.mjs');
    visit(serveChunk ?? '');
    const packages = new Set(
      [...loaded]
        .flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}))
        .flatMap((p) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1] ?? []),
    );
    expect(packages.has('kysely')).toBe(true); // the walk sees what is loaded
    for (const heavy of [
      'exceljs',
      'docx',
      'xlsx',
      'mammoth',
      'unpdf',
      'word-extractor',
      'node-html-parser',
      'undici',
      'opencc-js',
      'pinyin-pro',
    ])
      expect(packages, heavy).not.toContain(heavy);
  });
});
