// `kaoping score`: computes a period's (or a year's) results from a scheme and the
// interchange files, with no database (spec §5). Exit 0 on success, 2 on invalid input
// with every reason on stderr.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { formatSchemeIssues, schemeSchema } from '@kaoping/contracts/scoring/scheme';
import type { ScoreReport } from '@kaoping/contracts/scoring/score-report';
import type { UnitRow } from '@kaoping/contracts/scoring/interchange-rows';
import { parsePeriod } from '@kaoping/domain/period/period';
import { compileScheme, type CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import { computeAnnualResults, listAnnualPeriods } from '@kaoping/domain/scoring/compute-annual';
import { checkQuarterOfScheme, computePeriodResults } from '@kaoping/domain/scoring/compute-period';
import { toAnnualScoreReport, toScoreReport } from '@kaoping/domain/scoring/score-report';
import type { InputSource, ScoringInputs } from '@kaoping/domain/scoring/scoring-inputs';
import type { PeriodResults } from '@kaoping/domain/scoring/scoring-result';
import { formatImportIssues, type ImportIssue, type ImportResult } from '@kaoping/importers/interchange/import-issue';
import {
  readEventsFile,
  readFindingsFile,
  readRectificationsFile,
  readScoresFile,
  readUnitsFile,
  toImportIssues,
  type InterchangeRows,
  type UnitsContext,
} from '@kaoping/importers/interchange/read-interchange';
import type { TableFile } from '@kaoping/importers/interchange/read-table';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';
import { inputBaseDirs } from '../env';

const USAGE = `用法: kaoping score --scheme scheme.json --units units.csv --scores scores.csv
        [--findings findings.csv] [--events events.csv] [--rectifications rectifications.csv]
        --period 2025Q3 [--previous 2025Q2] [--json]

  --period 2025 计算年度结果(按方案 annual.periods 所列季度加权,需要各季度的评分)
  文件可为 CSV(UTF-8,含表头)或 .xlsx(第一个工作表);退出码 0 成功,2 输入无效`;

const MAX_SCHEME_BYTES = 5 * 1024 * 1024;
/** Larger than any importer limit, so each reader gives its own precise message. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, {
    scheme: { type: 'string' },
    units: { type: 'string' },
    scores: { type: 'string' },
    findings: { type: 'string' },
    events: { type: 'string' },
    rectifications: { type: 'string' },
    period: { type: 'string' },
    previous: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const missingFlags = (['scheme', 'units', 'scores', 'period'] as const).filter((f) => values[f] === undefined);
  if (missingFlags.length > 0) throw new CliError(`缺少参数:${missingFlags.map((f) => `--${f}`).join(' ')}\n\n${USAGE}`);
  const schemePath = values.scheme ?? '';
  const periodCode = values.period ?? '';

  const scheme = await loadScheme(schemePath);
  const period = parsePeriod(periodCode);
  if (period === null) throw new CliError(`--period ${periodCode}:格式不正确,应为 2025Q3 或 2025`);
  if (period.kind === 'quarter') {
    const problem = checkQuarterOfScheme(scheme, period.code);
    if (problem !== null) throw new CliError(`--period:${problem}`);
  } else {
    if (period.year !== scheme.year) throw new CliError(`--period:年度 ${period.code} 与方案 ${scheme.code} 的年度 ${scheme.year} 不一致`);
    if (scheme.annual === null) throw new CliError(`--period:方案 ${scheme.code} 没有年度汇总(annual.periods),不能计算年度结果`);
  }
  const previousCode = values.previous;
  if (previousCode !== undefined) {
    if (period.kind === 'year') throw new CliError('--previous:年度结果暂不支持与上一年度比较(上一年度使用另一方案)');
    const problem = checkQuarterOfScheme(scheme, previousCode);
    if (problem !== null) throw new CliError(`--previous:${problem}`);
  }

  const { inputs, names } = await loadInputs(scheme, {
    units: values.units,
    scores: values.scores,
    findings: values.findings,
    events: values.events,
    rectifications: values.rectifications,
  });

  const computeQuarter = (code: string, previous?: PeriodResults): PeriodResults => {
    const result = computePeriodResults(scheme, code, inputs, {
      breakdown: false,
      ...(previous ? { previousRanks: previous.groups.flatMap((g) => g.rows) } : {}),
    });
    if (!result.ok) throw new CliError(formatImportIssues(toImportIssues(result.issues, names)).join('\n'));
    return result.results;
  };

  let report: ScoreReport;
  if (period.kind === 'quarter') {
    const previous = previousCode !== undefined ? computeQuarter(previousCode) : undefined;
    const results = computeQuarter(period.code, previous);
    report = toScoreReport(results);
    warnUnscored(results.groups.flatMap((g) => g.rows));
  } else {
    const quarters = listAnnualPeriods(scheme).map((p) => computeQuarter(p.period));
    const annual = computeAnnualResults(scheme, inputs.units, quarters);
    report = toAnnualScoreReport(annual);
    warnUnscored(annual.groups.flatMap((g) => g.rows));
  }

  process.stdout.write(values.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatText(report));
  return 0;
}

/** A path as given, relative to where the user ran the command (pnpm's INIT_CWD) or cwd. */
function resolveInputPath(path: string): string {
  if (isAbsolute(path)) return path;
  const bases = inputBaseDirs();
  for (const base of bases) {
    const candidate = resolve(base, path);
    if (existsSync(candidate)) return candidate;
  }
  return resolve(process.cwd(), path);
}

async function readInputFile(flag: string, path: string, maxBytes: number): Promise<TableFile> {
  const full = resolveInputPath(path);
  let size: number;
  try {
    const info = await stat(full);
    if (!info.isFile()) throw new CliError(`--${flag} ${path}:不是文件`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`--${flag} ${path}:找不到文件或无法读取`);
  }
  if (size > maxBytes) throw new CliError(`--${flag} ${path}:文件过大(${(size / 1024 / 1024).toFixed(1)} MB)`);
  const bytes = await readFile(full);
  return { name: path.split(/[\\/]/).pop() ?? path, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

async function loadScheme(path: string): Promise<CompiledScheme> {
  const file = await readInputFile('scheme', path, MAX_SCHEME_BYTES);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${file.name}:不是有效的 JSON(${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = schemeSchema.safeParse(raw);
  if (!parsed.success)
    throw new CliError(
      formatSchemeIssues(parsed.error, raw)
        .map((m) => `${file.name}:${m}`)
        .join('\n'),
    );
  const compiled = compileScheme(parsed.data);
  if (!compiled.ok) throw new CliError(compiled.issues.map((m) => `${file.name}:${m}`).join('\n'));
  return compiled.scheme;
}

type InputPaths = Record<InputSource, string | undefined>;
type SourceNames = Partial<Record<InputSource, { name: string; rowNumbers: readonly number[] }>>;

async function loadInputs(scheme: CompiledScheme, paths: InputPaths): Promise<{ inputs: ScoringInputs; names: SourceNames }> {
  const files: Partial<Record<InputSource, TableFile>> = {};
  for (const source of ['units', 'scores', 'findings', 'events', 'rectifications'] as const) {
    const path = paths[source];
    if (path !== undefined) files[source] = await readInputFile(source, path, MAX_INPUT_BYTES);
  }
  const unitsFile = files.units;
  const scoresFile = files.scores;
  if (unitsFile === undefined || scoresFile === undefined) throw new CliError('缺少 --units 或 --scores');

  const units = await readUnitsFile(unitsFile, { scheme });
  if (!units.ok) throw new CliError(formatImportIssues(units.issues).join('\n'));
  const ctx: UnitsContext = { scheme, units: new Map(units.value.rows.map((u) => [u.code, u])) };
  const none = <T>(): Promise<ImportResult<InterchangeRows<T>>> => Promise.resolve({ ok: true, value: { rows: [], rowNumbers: [] } });
  const [scores, findings, events, rectifications] = await Promise.all([
    readScoresFile(scoresFile, ctx),
    files.findings ? readFindingsFile(files.findings, ctx) : none<never>(),
    files.events ? readEventsFile(files.events, ctx) : none<never>(),
    files.rectifications ? readRectificationsFile(files.rectifications, ctx) : none<never>(),
  ]);
  const issues: ImportIssue[] = [];
  for (const r of [scores, findings, events, rectifications]) if (!r.ok) issues.push(...r.issues);
  if (!scores.ok || !findings.ok || !events.ok || !rectifications.ok) throw new CliError(formatImportIssues(issues).join('\n'));

  const names: SourceNames = {
    units: { name: unitsFile.name, rowNumbers: units.value.rowNumbers },
    scores: { name: scoresFile.name, rowNumbers: scores.value.rowNumbers },
  };
  if (files.findings) names.findings = { name: files.findings.name, rowNumbers: findings.value.rowNumbers };
  if (files.events) names.events = { name: files.events.name, rowNumbers: events.value.rowNumbers };
  if (files.rectifications) names.rectifications = { name: files.rectifications.name, rowNumbers: rectifications.value.rowNumbers };
  const inputs: ScoringInputs = {
    units: units.value.rows.map((u: UnitRow) => ({ code: u.code, name: u.name, group: u.group, tags: u.tags })),
    scores: scores.value.rows,
    findings: findings.value.rows,
    events: events.value.rows,
    rectifications: rectifications.value.rows,
  };
  return { inputs, names };
}

function warnUnscored(rows: readonly { unit: string; unscoredReason: string | null }[]) {
  for (const row of rows) if (row.unscoredReason !== null) process.stderr.write(`提示:单位 ${row.unit} 未计分:${row.unscoredReason}\n`);
}

/** A plain table for people (without --json). */
function formatText(report: ScoreReport): string {
  const lines = [`方案 ${report.scheme}  期次 ${report.period}`];
  for (const g of report.groups) {
    lines.push('', `分组 ${g.code}`, '名次\t单位\t名称\t得分\t等次\t名次变化\t备注');
    for (const r of g.rows) {
      const notes = [r.vetoes.length > 0 ? `否决 ${r.vetoes.join(',')}` : '', r.complete ? '' : `缺 ${r.missing.join(',')}`]
        .filter(Boolean)
        .join(';');
      const delta = r.rankDelta === null ? '' : r.rankDelta > 0 ? `↑${r.rankDelta}` : r.rankDelta < 0 ? `↓${-r.rankDelta}` : '—';
      lines.push([r.rank ?? '—', r.unit, r.name, r.final ?? '未计分', r.grade ?? '', delta, notes].join('\t'));
    }
  }
  return `${lines.join('\n')}\n`;
}
