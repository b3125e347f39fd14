// `kaoping score` end to end: the spec's worked example must come out exactly, bad input
// must exit 2 with Chinese reasons on stderr, `--period 2025` gives the annual result.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/commands/score';
import { captureCommand } from './capture-command';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const exampleDir = fileURLToPath(new URL('../../../fixtures/scoring-example/', import.meta.url));
const ex = (name: string) => join(exampleDir, name);
const exampleArgs = [
  '--scheme',
  ex('scheme.json'),
  '--units',
  ex('units.csv'),
  '--scores',
  ex('scores.csv'),
  '--findings',
  ex('findings.csv'),
  '--events',
  ex('events.csv'),
  '--rectifications',
  ex('rectifications.csv'),
];
const expected = (period: string) => JSON.parse(readFileSync(ex(`expected-${period}.json`), 'utf8'));

const runScore = (args: string[]) => captureCommand(run, args);

/** Runs `kaoping score` as the user does, in a child process. */
function spawnScore(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'apps/cli/src/main.ts'), 'score', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('kaoping score — the spec example', () => {
  it('prints expected-2025Q3.json for --period 2025Q3 --previous 2025Q2 (child process, exit 0)', () => {
    const r = spawnScore([...exampleArgs, '--period', '2025Q3', '--previous', '2025Q2', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected('2025Q3'));
  });

  it('prints expected-2025Q2.json for --period 2025Q2', async () => {
    const r = await runScore([...exampleArgs, '--period', '2025Q2', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected('2025Q2'));
  });

  it('resolves relative paths against the working directory', () => {
    const rel = relative(repoRoot, exampleDir);
    const args = exampleArgs.map((a) => (a.startsWith(exampleDir) ? join(rel, a.slice(exampleDir.length)) : a));
    const r = spawnScore([...args, '--period', '2025Q2', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected('2025Q2'));
  });

  it('prints a plain table without --json', async () => {
    const r = await runScore([...exampleArgs, '--period', '2025Q3', '--previous', '2025Q2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1\tA01\t江临市临江区人民政府\t101\t优秀\t—');
    expect(r.stdout).toContain('—\tB103\t江临市生态环境局\t88.5\t不合格\t\t否决 V1');
  });
});

describe('kaoping score — invalid input exits 2 with reasons', () => {
  it('through main.ts: exit code 2 and the reason on stderr', () => {
    const r = spawnScore(['--scheme', ex('scheme.json'), '--units', ex('units.csv'), '--scores', ex('units.csv'), '--period', '2025Q3']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('units.csv 第1行 unit 列:表头缺少必需的列 unit');
  });

  it('missing flags, unknown flags, bad periods', async () => {
    expect(await runScore(['--scheme', ex('scheme.json')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('缺少参数:--units --scores --period'),
    });
    expect((await runScore(['--bogus'])).code).toBe(2);
    expect(await runScore([...exampleArgs, '--period', '2025Q5'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--period 2025Q5:格式不正确'),
    });
    expect(await runScore([...exampleArgs, '--period', '2024Q4'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('不在方案 JL-2025 的年度 2025 内'),
    });
    expect(await runScore([...exampleArgs, '--period', '2025', '--previous', '2024'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--previous'),
    });
    expect(await runScore([...exampleArgs, '--period', '2025Q3', '--previous', '2025'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--previous:期次 2025 不是季度'),
    });
  });

  it('a missing file', async () => {
    expect(await runScore([...exampleArgs.slice(0, 4), '--scores', '/nonexistent/scores.csv', '--period', '2025Q3'])).toMatchObject({
      code: 2,
      stderr: '--scores /nonexistent/scores.csv:找不到文件或无法读取',
    });
  });

  const dir = mkdtempSync(join(tmpdir(), 'kaoping-score-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('an invalid scheme, naming the node', async () => {
    const scheme = JSON.parse(readFileSync(ex('scheme.json'), 'utf8'));
    scheme.indicators[0].children[1].points = 18;
    const r = await runScore(['--scheme', write('bad-scheme.json', JSON.stringify(scheme)), ...exampleArgs.slice(2), '--period', '2025Q3']);
    expect(r).toMatchObject({ code: 2, stderr: 'bad-scheme.json:指标 1:子项分值之和 38 ≠ 40' });
    expect(await runScore(['--scheme', write('junk.json', '{nope'), ...exampleArgs.slice(2), '--period', '2025Q3'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('junk.json:不是有效的 JSON'),
    });
    scheme.indicators[0].children[1].points = 20;
    scheme.indicators[0].children[0].rule.kind = 'checkbox';
    expect(
      await runScore(['--scheme', write('kind.json', JSON.stringify(scheme)), ...exampleArgs.slice(2), '--period', '2025Q3']),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('kind.json:指标 1.1 rule.kind:计分规则 kind 应为'),
    });
  });

  it('bad rows in several files are all listed', async () => {
    const scores = readFileSync(ex('scores.csv'), 'utf8').replace('A01,2025Q3,2.2,13', 'A01,2025Q3,2.2,31');
    const events = 'unit,period,code,note\nA01,2025Q3,V7,\n';
    const r = await runScore([
      ...exampleArgs.slice(0, 4),
      '--scores',
      write('scores.csv', scores),
      '--events',
      write('events.csv', events),
      '--period',
      '2025Q3',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      'scores.csv 第51行 value 列:指标 2.2:得分 31 超出 [0, 15]',
      'events.csv 第2行 code 列:事项编码 V7 不是方案中的否决项、加分项或重大扣分项',
    ]);
  });
});

describe('kaoping score --period 2025 (annual)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaoping-annual-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Q1 repeats Q2's scores, Q4 repeats Q3's (without findings and events); keep the file's
  // CRLF on some lines and LF on others: mixed line endings must read too
  const lines = readFileSync(ex('scores.csv'), 'utf8').trim().split('\n');
  const header = lines[0] ?? '';
  const body = lines.slice(1);
  const copy = (from: string, to: string) => body.filter((l) => l.includes(`,${from},`)).map((l) => l.replace(`,${from},`, `,${to},`));
  const scoresPath = join(dir, 'scores.csv');
  writeFileSync(scoresPath, [header, ...body, ...copy('2025Q2', '2025Q1'), ...copy('2025Q3', '2025Q4')].join('\n'));

  it('weights the quarters 0.2/0.2/0.2/0.4 and ranks the year', async () => {
    const args = [...exampleArgs.slice(0, 4), '--scores', scoresPath, ...exampleArgs.slice(6), '--period', '2025', '--json'];
    const r = await runScore(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.period).toBe('2025');
    const rows = report.groups.flatMap((g: { rows: unknown[] }) => g.rows);
    const a01 = rows.find((x: { unit: string }) => x.unit === 'A01');
    // Q1 97 (no findings), Q2 95, Q3 101, Q4 97: 19.4 + 19 + 20.2 + 38.8 = 97.4
    expect(a01).toMatchObject({ final: 97.4, rank: 1, grade: '优秀', complete: true, vetoes: [] });
    // B103 failed a quarter: failed for the year
    expect(rows.find((x: { unit: string }) => x.unit === 'B103')).toMatchObject({ rank: null, grade: '不合格', vetoes: ['V1'] });
  });

  it('leaves units missing a quarter unscored, with the reason on stderr', async () => {
    const r = await runScore([...exampleArgs, '--period', '2025', '--json']);
    expect(r.code).toBe(0);
    const a01 = JSON.parse(r.stdout).groups[0].rows.find((x: { unit: string }) => x.unit === 'A01');
    expect(a01).toMatchObject({ final: null, rank: null, grade: null, complete: false, missing: ['2025Q1', '2025Q4'] });
    expect(r.stderr).toContain('提示:单位 A01 未计分:缺少 2025Q1 的考核结果;缺少 2025Q4 的考核结果');
  });
});
