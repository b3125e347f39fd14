// `kaoping results export --period 2025Q3 --format xlsx|json [--out FILE]`: a quarter's
// results as published (the publication in force: the original or the latest restatement),
// from the database. json prints the spec's §5 report; xlsx writes the ranking workbook.
import { writeFile } from 'node:fs/promises';
import { schemeSchema } from '@kaoping/contracts/scoring/scheme';
import { parsePeriod } from '@kaoping/domain/period/period';
import { compileScheme } from '@kaoping/domain/scoring/compile-scheme';
import { toScoreReport } from '@kaoping/domain/scoring/score-report';
import { computeSnapshot } from '@kaoping/domain/assessment/publication-snapshot';
import { findLatestPublication } from '@kaoping/db/assessment/publication.repository';
import { findScoredRoundOfPeriod } from '@kaoping/db/assessment/round.repository';
import { findSchemeById } from '@kaoping/db/assessment/scheme.repository';
import { migrateToLatest } from '@kaoping/db/migrate';
import { buildResultsWorkbook } from '@kaoping/exporters/results/results-workbook';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';
import { openCliDatabase, userPath } from '../database';

const USAGE = `用法: kaoping results export --period 2025Q3 --format xlsx|json [--out 文件]

  导出某季度已发布的考评结果(以现行发布为准:首次发布或最近一次更正)。
  json 输出 scoring.md §5 的格式(默认打印到标准输出);xlsx 默认写入 results-2025Q3.xlsx。`;

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCliArgs(args, {
    period: { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals[0] !== 'export') throw new CliError(USAGE);
  const periodCode = values.period ?? '';
  const period = parsePeriod(periodCode);
  if (period === null || period.kind !== 'quarter') throw new CliError(`--period ${periodCode}:应为季度,如 2025Q3\n\n${USAGE}`);
  const format = values.format;
  if (format !== 'json' && format !== 'xlsx') throw new CliError(`--format ${format}:应为 xlsx 或 json`);

  const { handle } = openCliDatabase();
  try {
    await migrateToLatest(handle.db);
    const round = await findScoredRoundOfPeriod(handle.db, period.code);
    if (!round) throw new CliError(`期次 ${period.code} 没有测评轮次`);
    if (round.status === 'draft') throw new CliError(`期次 ${period.code} 的结果尚未发布`);
    const publication = await findLatestPublication(handle.db, round.id);
    if (!publication) throw new CliError(`期次 ${period.code} 缺少发布记录`);

    if (format === 'json') {
      const text = `${JSON.stringify(toScoreReport(publication.results), null, 2)}\n`;
      if (values.out) {
        await writeFile(userPath(values.out), text);
        process.stderr.write(`已写入 ${values.out}\n`);
      } else process.stdout.write(text);
      return 0;
    }

    // The detail sheet needs the score sheets: recomputed from the snapshot by the same engine.
    const record = await findSchemeById(handle.db, publication.schemeId);
    if (!record) throw new CliError('方案不存在');
    const compiled = compileScheme(schemeSchema.parse(record.scheme));
    if (!compiled.ok) throw new CliError(`方案 ${record.code} 无效`);
    const computed = computeSnapshot(compiled.scheme, publication.snapshot, true);
    const results = computed.ok ? computed.results : publication.results;
    const restated = publication.sequence > 1 ? `,更正 ${publication.sequence - 1} 次` : '';
    const buffer = await buildResultsWorkbook({
      title: `${round.title}结果`,
      source: `${publication.publishedAt.slice(0, 16).replace('T', ' ')} UTC 发布${restated};方案 ${record.code} 第 ${publication.schemeVersion} 版;SHA-256 ${publication.contentHash}`,
      results,
      leaves: compiled.scheme.leaves.map((l) => ({ code: l.code, name: l.name, points: l.points / 1000 })),
    });
    const out = values.out ?? `results-${period.code}.xlsx`;
    await writeFile(userPath(out), buffer);
    process.stdout.write(
      `已写入 ${out}(${results.groups.reduce((n, g) => n + g.rows.length, 0)} 个单位,${results.groups.length} 个分组)\n`,
    );
    return 0;
  } finally {
    await handle.destroy();
  }
}
