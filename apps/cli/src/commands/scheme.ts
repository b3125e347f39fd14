// `kaoping scheme import FILE.xlsx|.docx|.xls|.doc --year 2026 --json`: the office's own 考核细则 read
// into a proposed scheme (spec scoring.md §1) with each leaf's inferred rule beside its source
// cell and the warnings; nothing is stored (confirm in the dashboard, or save the printed scheme
// and load it). Exit 0 proposed, 2 refused (the row errors on stderr).
// `kaoping scheme export --year 2026 --format docx|xlsx [--out FILE]`: the year's scheme from the
// database as the published 考核细则.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatSchemeRowError } from '@kaoping/contracts/scoring/scheme-proposal';
import { findSchemeByYear } from '@kaoping/db/assessment/scheme.repository';
import { migrateToLatest } from '@kaoping/db/migrate';
import { proposeSchemeFromDocument } from '@kaoping/api/assessment/scheme-document.service';
import { schemeDocx } from '@kaoping/exporters/scheme/scheme-docx';
import { schemeXlsx } from '@kaoping/exporters/scheme/scheme-xlsx';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';
import { openCliDatabase, userPath } from '../database';

const USAGE = `用法:
  kaoping scheme import 文件.xlsx|.docx|.xls|.doc --year 2026 [--json]
      读取本地考核细则表格,输出建议的考核方案(scoring.md §1 格式)、每个末级指标的计分方式推断及提示;不写入数据库。
      退出码:0 已生成建议方案;2 表格有误(逐行列出)。
  kaoping scheme export --year 2026 --format docx|xlsx [--out 文件]
      将数据库中该年度的考核方案导出为考核细则(Word 公文格式或 Excel)。`;

function parseYear(text: string | undefined): number {
  const year = Number(text);
  if (text === undefined || !/^\d{4}$/.test(text) || year < 2000 || year > 2100) throw new CliError(`--year 应为年度,如 2026\n\n${USAGE}`);
  return year;
}

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCliArgs(args, {
    year: { type: 'string' },
    json: { type: 'boolean', default: false },
    format: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [action, file, ...extra] = positionals;
  if (action === 'import') {
    if (!file || extra.length > 0) throw new CliError(USAGE);
    const year = parseYear(values.year);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(userPath(file)));
    } catch {
      throw new CliError(`无法读取文件 ${file}`);
    }
    const proposal = await proposeSchemeFromDocument(bytes, { year, fileName: basename(file) });
    if (!proposal.ok) {
      if (values.json) process.stdout.write(`${JSON.stringify(proposal, null, 2)}\n`);
      process.stderr.write(
        `未生成方案:${proposal.errors.length} 处错误\n${proposal.errors.map((e) => `  ${formatSchemeRowError(e)}`).join('\n')}\n`,
      );
      return 2;
    }
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ scheme: proposal.scheme, inferences: proposal.inferences, warnings: proposal.warnings }, null, 2)}\n`,
      );
      return 0;
    }
    const lines = [
      `${proposal.scheme.title}(${year}年度,${proposal.tables} 个表格,${proposal.rows} 行)`,
      ...proposal.inferences.map(
        (i) => `  ${i.code.padEnd(8)} ${i.name} → ${i.rule.kind}${i.confidence === 'manual' ? '(待确认)' : ''}:${i.reason}`,
      ),
      ...proposal.warnings.map((w) => `提示:${w}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  if (action === 'export') {
    if (file !== undefined) throw new CliError(USAGE);
    const year = parseYear(values.year);
    const format = values.format;
    if (format !== 'docx' && format !== 'xlsx') throw new CliError(`--format 应为 docx 或 xlsx\n\n${USAGE}`);
    const { handle } = openCliDatabase();
    try {
      await migrateToLatest(handle.db);
      const record = await findSchemeByYear(handle.db, year);
      if (!record) throw new CliError(`${year}年度没有考核方案`);
      const bytes = format === 'docx' ? await schemeDocx(record.scheme) : await schemeXlsx(record.scheme);
      const out = values.out ?? `scheme-${record.code}.${format}`;
      await writeFile(userPath(out), bytes);
      process.stderr.write(`已写入 ${out}(${record.title})\n`);
      return 0;
    } finally {
      await handle.destroy();
    }
  }
  throw new CliError(USAGE);
}
