// Readers for the interchange files of spec §4 (units, scores, findings, events,
// rectifications), CSV or .xlsx. All or nothing: every problem of every row is listed
// (file, row, column, reason in Chinese) and no rows are returned if there is one.
// Besides each row's own format, rows are checked against the scheme (indicators, leaf
// rules, event codes, the scheme's year) and against the units file.
import {
  interchangeColumns,
  interchangeRowSchemas,
  type EventRow,
  type FindingRow,
  type InterchangeFileKind,
  type InterchangeRow,
  type RectificationRow,
  type ScoreRow,
  type UnitRow,
} from '@kaoping/contracts/scoring/interchange-rows';
import { parsePeriod, periodDateRange } from '@kaoping/domain/period/period';
import type { CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import { checkQuarterOfScheme } from '@kaoping/domain/scoring/compute-period';
import { isLeafApplicable } from '@kaoping/domain/scoring/compute-unit';
import { checkLeafValue, isNaMark } from '@kaoping/domain/scoring/score-leaf';
import type { InputIssue, InputSource } from '@kaoping/domain/scoring/scoring-inputs';
import type { ImportIssue, ImportResult } from './import-issue';
import { readTable, type TableFile } from './read-table';

export interface InterchangeRows<T> {
  rows: T[];
  /** Row number in the file of each row (header = 1). */
  rowNumbers: number[];
}

export interface SchemeContext {
  scheme: CompiledScheme;
}
export interface UnitsContext extends SchemeContext {
  /** The units file as read, by unit code. */
  units: ReadonlyMap<string, UnitRow>;
}

export type RowCheck<K extends InterchangeFileKind> = (
  row: InterchangeRow[K],
  report: (column: string, message: string) => void,
  rowNumber: number,
) => void;

/**
 * Reads one interchange file of `kind`: header, each row's format, then `check` for the
 * caller's cross-checks and `finish` for checks over all rows. All or nothing.
 */
export async function readInterchangeFile<K extends InterchangeFileKind>(
  kind: K,
  file: TableFile,
  check: RowCheck<K>,
  finish?: (rows: InterchangeRows<InterchangeRow[K]>, report: (rowNumber: number, column: string, message: string) => void) => void,
): Promise<ImportResult<InterchangeRows<InterchangeRow[K]>>> {
  const table = await readTable(file);
  if (!table.ok) return table;
  const { header, rows } = table.value;
  const issues: ImportIssue[] = [];
  const { required, optional } = interchangeColumns[kind];
  const known = new Set<string>([...required, ...optional]);
  const position = new Map<string, number>();
  header.forEach((raw, i) => {
    const column = raw
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    if (column === '') return;
    if (!known.has(column))
      issues.push({ file: file.name, row: 1, column: raw, message: `未知的列(应为 ${[...required, ...optional].join(',')})` });
    else if (position.has(column)) issues.push({ file: file.name, row: 1, column, message: '列名重复' });
    else position.set(column, i);
  });
  for (const column of required) {
    if (!position.has(column)) issues.push({ file: file.name, row: 1, column, message: `表头缺少必需的列 ${column}` });
  }
  if (issues.length > 0) return { ok: false, issues };

  const schema = interchangeRowSchemas[kind];
  const out: InterchangeRows<InterchangeRow[K]> = { rows: [], rowNumbers: [] };
  for (const { row, cells } of rows) {
    const extra = cells.findIndex((c, i) => i >= header.length && c !== '');
    if (extra >= 0) {
      issues.push({ file: file.name, row, column: null, message: `第 ${extra + 1} 列超出表头(表头只有 ${header.length} 列)` });
      continue;
    }
    const record: Record<string, string> = {};
    for (const column of known) {
      const at = position.get(column);
      record[column] = at === undefined ? '' : (cells[at] ?? '');
    }
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ file: file.name, row, column: issue.path.length > 0 ? String(issue.path[0]) : null, message: issue.message });
      }
      continue;
    }
    const value = parsed.data as InterchangeRow[K];
    const before = issues.length;
    check(value, (column, message) => issues.push({ file: file.name, row, column, message }), row);
    if (issues.length === before) {
      out.rows.push(value);
      out.rowNumbers.push(row);
    }
  }
  finish?.(out, (row, column, message) => issues.push({ file: file.name, row, column, message }));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: out };
}

/** units.csv: codes unique, groups in the scheme, parents among the units. */
export function readUnitsFile(file: TableFile, ctx: SchemeContext): Promise<ImportResult<InterchangeRows<UnitRow>>> {
  const seen = new Map<string, number>();
  return readInterchangeFile(
    'units',
    file,
    (row, report, rowNumber) => {
      const first = seen.get(row.code);
      if (first !== undefined) report('code', `单位编码 ${row.code} 与第${first}行重复`);
      else seen.set(row.code, rowNumber);
      if (!ctx.scheme.groupCodes.has(row.group)) {
        report('group', `分组 ${row.group} 不在方案 ${ctx.scheme.code} 中(可选:${[...ctx.scheme.groupCodes].join('、')})`);
      }
      if (row.parent === row.code) report('parent', '上级单位不能是自己');
    },
    (rows, report) => {
      rows.rows.forEach((row, i) => {
        if (row.parent !== null && !seen.has(row.parent))
          report(rows.rowNumbers[i] ?? 0, 'parent', `上级单位 ${row.parent} 不在单位文件中`);
      });
    },
  );
}

function checkUnitAndPeriod(ctx: UnitsContext, row: { unit: string; period: string }, report: (column: string, message: string) => void) {
  if (!ctx.units.has(row.unit)) report('unit', `单位 ${row.unit} 不在单位文件中`);
  const problem = checkQuarterOfScheme(ctx.scheme, row.period);
  if (problem !== null) report('period', problem);
}

/** scores.csv: value valid for the leaf rule; one row per unit, period and leaf. */
export function readScoresFile(file: TableFile, ctx: UnitsContext): Promise<ImportResult<InterchangeRows<ScoreRow>>> {
  const seen = new Map<string, number>();
  return readInterchangeFile('scores', file, (row, report, rowNumber) => {
    checkUnitAndPeriod(ctx, row, report);
    const leaf = ctx.scheme.leafByCode.get(row.indicator);
    if (leaf === undefined) {
      report(
        'indicator',
        ctx.scheme.nodeByCode.has(row.indicator)
          ? `指标 ${row.indicator} 不是末级指标,不能直接打分`
          : `指标 ${row.indicator} 不在方案 ${ctx.scheme.code} 中`,
      );
      return;
    }
    const message = checkLeafValue(leaf, row.value);
    if (message !== null) report('value', `指标 ${leaf.code}:${message}`);
    const unit = ctx.units.get(row.unit);
    if (unit !== undefined && row.value !== '' && !isNaMark(row.value) && !isLeafApplicable(leaf, unit)) {
      report('value', `指标 ${leaf.code} 不适用于单位 ${unit.code}(分组 ${unit.group}),只能填 na 或留空`);
    }
    const key = `${row.unit}\u0000${row.period}\u0000${row.indicator}`;
    const first = seen.get(key);
    if (first !== undefined) report('indicator', `与第${first}行重复(同一单位、期次、指标只能有一行)`);
    else seen.set(key, rowNumber);
  });
}

/** findings.csv: on a `deduct` leaf that applies to the unit. */
export function readFindingsFile(file: TableFile, ctx: UnitsContext): Promise<ImportResult<InterchangeRows<FindingRow>>> {
  return readInterchangeFile('findings', file, (row, report) => {
    checkUnitAndPeriod(ctx, row, report);
    const leaf = ctx.scheme.leafByCode.get(row.indicator);
    if (leaf === undefined) {
      report(
        'indicator',
        ctx.scheme.nodeByCode.has(row.indicator)
          ? `指标 ${row.indicator} 不是末级指标`
          : `指标 ${row.indicator} 不在方案 ${ctx.scheme.code} 中`,
      );
      return;
    }
    if (leaf.rule.kind !== 'deduct') {
      report('indicator', `指标 ${leaf.code} 不是扣分项(deduct),不能登记问题`);
      return;
    }
    const unit = ctx.units.get(row.unit);
    if (unit !== undefined && !isLeafApplicable(leaf, unit))
      report('indicator', `指标 ${leaf.code} 不适用于单位 ${unit.code}(分组 ${unit.group})`);
  });
}

/** events.csv: a veto, bonus item or major deduction of the scheme. */
export function readEventsFile(file: TableFile, ctx: UnitsContext): Promise<ImportResult<InterchangeRows<EventRow>>> {
  return readInterchangeFile('events', file, (row, report) => {
    checkUnitAndPeriod(ctx, row, report);
    if (!ctx.scheme.events.has(row.code)) report('code', `事项编码 ${row.code} 不是方案中的否决项、加分项或重大扣分项`);
  });
}

/** rectifications.csv: due date inside the row's period; one row per unit and item. */
export function readRectificationsFile(file: TableFile, ctx: UnitsContext): Promise<ImportResult<InterchangeRows<RectificationRow>>> {
  const seen = new Map<string, number>();
  return readInterchangeFile('rectifications', file, (row, report, rowNumber) => {
    checkUnitAndPeriod(ctx, row, report);
    const period = parsePeriod(row.period);
    if (period !== null) {
      const { start, end } = periodDateRange(period);
      if (row.due < start || row.due > end) report('due', `整改时限 ${row.due} 不在期次 ${row.period}(${start} 至 ${end})内`);
    }
    const key = `${row.unit}\u0000${row.item}`;
    const first = seen.get(key);
    if (first !== undefined) report('item', `整改事项 ${row.item} 与第${first}行重复`);
    else seen.set(key, rowNumber);
  });
}

/** Maps the engine's issues (row positions in the arrays) back to file rows. */
export function toImportIssues(
  issues: readonly InputIssue[],
  files: Partial<Record<InputSource, { name: string; rowNumbers: readonly number[] }>>,
): ImportIssue[] {
  return issues.map((issue) => {
    const file = files[issue.source];
    return {
      file: file?.name ?? issue.source,
      row: file?.rowNumbers[issue.index] ?? null,
      column: issue.column,
      message: issue.message,
    };
  });
}
