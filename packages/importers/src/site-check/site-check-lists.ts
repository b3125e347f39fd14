// The office's lists as files: required columns (`name,intervalDays`) and 错敏词 (`word,suggestion`),
// CSV (UTF-8) or .xlsx. All or nothing: any bad row refuses the whole file, naming every bad row.
import { requiredColumnSchema, wordEntrySchema } from '@kaoping/contracts/site-check/site-check';
import type { RequiredColumn, WordEntry } from '@kaoping/contracts/site-check/site-check';
import { dedupeWords } from '@kaoping/domain/site-check/site-check-words';
import type { ImportIssue, ImportResult } from '../interchange/import-issue';
import { readTable } from '../interchange/read-table';
import type { Table, TableFile } from '../interchange/read-table';

function columnsOf(table: Table, file: string, wanted: readonly string[]): ImportResult<number[]> {
  const index = wanted.map((w) => table.header.findIndex((h) => h.trim().toLowerCase() === w.toLowerCase()));
  const missing = wanted.filter((_, i) => index[i] === -1 && i === 0);
  if (missing.length > 0)
    return {
      ok: false,
      issues: [{ file, row: 1, column: missing[0] ?? null, message: `缺少列 ${missing.join(', ')}(表头应为 ${wanted.join(',')})` }],
    };
  return { ok: true, value: index };
}

export async function readColumnsFile(file: TableFile): Promise<ImportResult<RequiredColumn[]>> {
  const table = await readTable(file);
  if (!table.ok) return table;
  const cols = columnsOf(table.value, file.name, ['name', 'intervalDays']);
  if (!cols.ok) return cols;
  const [ni, ii] = cols.value as [number, number];
  if (ii < 0) return { ok: false, issues: [{ file: file.name, row: 1, column: 'intervalDays', message: '缺少列 intervalDays' }] };
  const issues: ImportIssue[] = [];
  const out: RequiredColumn[] = [];
  const seen = new Set<string>();
  for (const r of table.value.rows) {
    const parsed = requiredColumnSchema.safeParse({ name: r.cells[ni] ?? '', intervalDays: Number(r.cells[ii] ?? '') });
    if (!parsed.success)
      issues.push({
        file: file.name,
        row: r.row,
        column: null,
        message: `栏目名称不能为空,更新周期应为 1–3650 的整数天数(${r.cells.join(',')})`,
      });
    else if (seen.has(parsed.data.name))
      issues.push({ file: file.name, row: r.row, column: 'name', message: `栏目「${parsed.data.name}」重复` });
    else {
      seen.add(parsed.data.name);
      out.push(parsed.data);
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}

export async function readWordsFile(file: TableFile): Promise<ImportResult<WordEntry[]>> {
  const table = await readTable(file);
  if (!table.ok) return table;
  const cols = columnsOf(table.value, file.name, ['word', 'suggestion']);
  if (!cols.ok) return cols;
  const [wi, si] = cols.value as [number, number];
  const issues: ImportIssue[] = [];
  const out: WordEntry[] = [];
  for (const r of table.value.rows) {
    const suggestion = si >= 0 ? (r.cells[si] ?? '').trim() : '';
    const parsed = wordEntrySchema.safeParse({ word: r.cells[wi] ?? '', suggestion: suggestion === '' ? null : suggestion });
    if (!parsed.success) issues.push({ file: file.name, row: r.row, column: 'word', message: '错误写法不能为空,且不超过 100 字' });
    else if (parsed.data.word === parsed.data.suggestion)
      issues.push({ file: file.name, row: r.row, column: 'suggestion', message: `「${parsed.data.word}」的正确写法与错误写法相同` });
    else out.push(parsed.data);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: dedupeWords(out) };
}
