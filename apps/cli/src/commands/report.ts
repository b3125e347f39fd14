// `kaoping report parse FILE [--year YYYY] [--unit NAME] [--kind KIND] --json` (spec §7): read a published
// annual report and print its cells, sources, checks, unresolved cells and parser warnings.
// Exit 0 when the file was read (whatever the checks say), 2 when it could not be read at all.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { reportUnitKindSchema } from '@kaoping/contracts/annual-report/annual-report';
import type { ReportParseResult } from '@kaoping/contracts/annual-report/parse-result';
import { parseAnnualReport } from '@kaoping/importers/annual-report/parse-annual-report';
import type { ParseAnnualReportOptions } from '@kaoping/importers/annual-report/parse-annual-report';
import { isReportParseError } from '@kaoping/importers/annual-report/parse-error';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';
import { locateInputFile as locate } from '../input-file';

const USAGE = [
  'usage: kaoping report parse FILE [--year YYYY] [--unit NAME] [--kind KIND] [--json]',
  '       kaoping report import DIR|ZIP --year YYYY [--dry-run] [--xlsx FILE]',
  '',
  '  parse   read one annual report (.txt .md .html .htm .docx .pdf) and check it',
  '          --json   print the result as JSON (spec §7); otherwise a summary',
  '          --year   report year, when the title does not say',
  '          --unit   unit name, when the title does not say',
  `          --kind   unit kind for the soft rules (${reportUnitKindSchema.options.join(' | ')})`,
].join('\n');

function summary(file: string, r: ReportParseResult): string {
  const errors = r.checks.filter((c) => c.severity === 'error');
  const warnings = r.checks.filter((c) => c.severity === 'warning');
  const filled = Object.values(r.cells).filter((v) => v !== null).length;
  const lines = [
    `${basename(file)}: ${r.meta.unit ?? '(单位未识别)'} ${r.meta.year ?? '(年度未识别)'} · 格式 ${r.meta.format ?? '未识别'} · ${r.meta.input}${r.meta.traditional ? ' · 繁体' : ''}`,
    `部分: ${r.meta.sections.join(' ') || '无'} · 单元格 ${filled}/${Object.keys(r.cells).length} 已读出 · 无法确定 ${r.unresolved.length}`,
    `核验: ${errors.length} 个错误, ${warnings.length} 个提示`,
    ...r.checks.map((c) => `  [${c.rule} ${c.severity === 'error' ? '错误' : '提示'}] ${c.message}`),
    ...(r.warnings.length > 0 ? ['解析说明:', ...r.warnings.map((w) => `  - ${w}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

async function parse(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    year: { type: 'string' },
    unit: { type: 'string' },
    kind: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new CliError(`report parse takes exactly one FILE\n\n${USAGE}`);
  const options: ParseAnnualReportOptions = { fileName: file };
  if (values.year !== undefined) {
    const year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < 2007 || year > 2100)
      throw new CliError(`--year must be a year like 2024, not ${values.year}`);
    options.year = year;
  }
  if (values.unit !== undefined) {
    if (values.unit.trim() === '') throw new CliError('--unit must not be empty');
    options.unit = values.unit.trim();
  }
  if (values.kind !== undefined) {
    const kind = reportUnitKindSchema.safeParse(values.kind);
    if (!kind.success) throw new CliError(`--kind must be one of ${reportUnitKindSchema.options.join(', ')}`);
    options.unitKind = kind.data;
  }
  const path = await locate(file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let result: ReportParseResult;
  try {
    result = await parseAnnualReport(bytes, options);
  } catch (error) {
    if (isReportParseError(error)) throw new CliError(`无法读取 ${file}: ${error.message}`);
    throw error;
  }
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : summary(path, result));
  return 0;
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'parse':
      return parse(rest);
    case 'import':
      // The database part (issue #3) is loaded only for this sub-command: `report parse` never opens a database.
      return (await import('./report-import')).runReportImport(rest);
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return sub === undefined ? 2 : 0;
    default:
      throw new CliError(`unknown report command: ${sub}\n\n${USAGE}`);
  }
}
