// `kaoping site check URL [--columns FILE] [--words FILE] [--max-pages N] [--today YYYY-MM-DD] --json`
// (shared spec site-check.md): check one unit's site without any database and print one JSON object.
// Exit 0 when the site was checked (whatever it found), 2 when the start page could not be fetched.
import { readFile } from 'node:fs/promises';
import { locateInputFile as locate } from '../input-file';
import { basename } from 'node:path';
import type { RequiredColumn, SiteCheckResult, WordEntry } from '@kaoping/contracts/site-check/site-check';
import { siteProblemKindLabelsZh } from '@kaoping/contracts/site-check/site-check';
import { chinaDateOf } from '@kaoping/domain/site-check/site-check-dates';
import { siteProblems } from '@kaoping/domain/site-check/site-check-problems';
import { parseWordList } from '@kaoping/domain/site-check/site-check-words';
import { formatImportIssue } from '@kaoping/importers/interchange/import-issue';
import { checkSite } from '@kaoping/importers/site-check/site-check-check-site';
import { readColumnsFile, readWordsFile } from '@kaoping/importers/site-check/site-check-lists';
import { parseCliArgs } from '../args';
import { CliError } from '../cli-error';

const USAGE = [
  'usage: kaoping site check URL [--columns FILE] [--words FILE] [--max-pages N] [--today YYYY-MM-DD] [--json]',
  '',
  '  --columns   required columns: CSV or .xlsx with name,intervalDays (default: the navigation, 国办 2019 intervals)',
  '  --words     错敏词: text, one `错误写法` or `错误写法=>正确写法` a line (or .xlsx/.csv with word,suggestion)',
  '  --max-pages pages fetched at most (default 200)',
  '  --today     the date the check is judged on (Asia/Shanghai; default today)',
  '  --json      print the result as JSON (spec); otherwise a summary in Chinese',
].join('\n');

async function loadColumns(file: string): Promise<RequiredColumn[]> {
  const path = await locate(file);
  const read = await readColumnsFile({ name: basename(path), bytes: await readFile(path) });
  if (!read.ok) throw new CliError(read.issues.map(formatImportIssue).join('\n'));
  return read.value;
}

async function loadWords(file: string): Promise<WordEntry[]> {
  const path = await locate(file);
  const bytes = await readFile(path);
  if (/\.(xlsx|csv)$/i.test(path)) {
    const read = await readWordsFile({ name: basename(path), bytes });
    if (!read.ok) throw new CliError(read.issues.map(formatImportIssue).join('\n'));
    return read.value;
  }
  try {
    return parseWordList(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

function summary(r: SiteCheckResult, today: string): string {
  const problems = siteProblems(r, today);
  const lines = [
    `${r.site} · 检查于 ${r.checkedAt} · 抓取 ${r.pages} 页 · ${r.reachable ? '可访问' : '无法访问'} · 首页更新 ${r.homepageUpdated ?? '未发现'}`,
    ...r.columns.map(
      (c) =>
        `  栏目 ${c.name}: ${c.newest ?? '无内容'} (${c.intervalDays} 天) ${c.status === 'ok' ? '正常' : c.status === 'stale' ? '未按期更新' : '空白'}`,
    ),
    `年报: ${r.annualReport ? `${r.annualReport.year} 年 ${r.annualReport.publishedAt ?? '未标日期'} ${r.annualReport.onTime ? '按时' : '逾期'}` : '未找到'}`,
    `问题 ${problems.length} 个:`,
    ...problems.map((p) => `  [${siteProblemKindLabelsZh[p.kind]}${p.veto ? ' · 单项否决' : ''}] ${p.detail}`),
  ];
  return `${lines.join('\n')}\n`;
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    columns: { type: 'string' },
    words: { type: 'string' },
    'max-pages': { type: 'string' },
    today: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [url, ...extra] = positionals;
  if (!url || extra.length > 0) throw new CliError(USAGE);
  let start: URL;
  try {
    start = new URL(url);
  } catch {
    throw new CliError(`not a URL: ${url}`);
  }
  if (start.protocol !== 'http:' && start.protocol !== 'https:') throw new CliError(`not an http(s) URL: ${url}`);
  const maxPages = values['max-pages'] === undefined ? undefined : Number(values['max-pages']);
  if (maxPages !== undefined && (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > 100_000))
    throw new CliError('--max-pages must be a whole number ≥ 1');
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new CliError('--today must be YYYY-MM-DD');
  const columns = values.columns ? await loadColumns(values.columns) : undefined;
  const words = values.words ? await loadWords(values.words) : undefined;
  const { result } = await checkSite(start.href, { columns, words, today: values.today, limits: maxPages ? { maxPages } : {} });
  const today = values.today ?? chinaDateOf(new Date(result.checkedAt));
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : summary(result, today));
  return result.reachable ? 0 : 2;
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'check') return check(rest);
  if (sub === '--help' || sub === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  throw new CliError(USAGE);
}
