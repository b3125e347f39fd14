// Sorts one period's inputs by unit and leaf into flat arrays (unit × leaf), checking each
// row against the scheme and the units. Rows of other periods are skipped; rectification
// items are taken by due date (spec: "items due in the period").
import type { CompiledScheme } from './compile-scheme';
import { numberToMilli } from './decimal';
import type { InputIssue, ScoringInputs, ScoringUnit } from './scoring-inputs';

export interface PeriodIndex {
  units: readonly ScoringUnit[];
  unitIndex: ReadonlyMap<string, number>;
  /** Raw score values, at `unit × leafCount + leaf`. */
  values: (string | undefined)[];
  /** Row index in `inputs.scores` of each value, −1 when none. */
  valueRows: Int32Array;
  /** Finding row indexes at `unit × leafCount + leaf`. */
  findings: Map<number, number[]>;
  /** Event row indexes per unit. */
  events: (number[] | undefined)[];
  /** Rectification row indexes per unit (items due in the period). */
  rectifications: (number[] | undefined)[];
  /** Whether each unit has any score, finding or event in the period. */
  assessed: Uint8Array;
}

export interface PeriodBounds {
  code: string;
  start: string;
  end: string;
}

const push = (list: (number[] | undefined)[], at: number, value: number) => {
  const existing = list[at];
  if (existing === undefined) list[at] = [value];
  else existing.push(value);
};

export function indexPeriodInputs(scheme: CompiledScheme, period: PeriodBounds, inputs: ScoringInputs, issues: InputIssue[]): PeriodIndex {
  const leafCount = scheme.leaves.length;
  const unitIndex = new Map<string, number>();
  const units: ScoringUnit[] = [];
  inputs.units.forEach((u, i) => {
    if (unitIndex.has(u.code)) {
      issues.push({ source: 'units', index: i, column: 'code', message: `单位编码 ${u.code} 重复` });
      return;
    }
    if (!scheme.groupCodes.has(u.group)) {
      issues.push({ source: 'units', index: i, column: 'group', message: `分组 ${u.group} 不在方案 ${scheme.code} 中` });
    }
    unitIndex.set(u.code, units.length);
    units.push(u);
  });

  const size = units.length * leafCount;
  const values: (string | undefined)[] = new Array<string | undefined>(size);
  const valueRows = new Int32Array(size).fill(-1);
  const assessed = new Uint8Array(units.length);
  const { scores } = inputs;
  let lastUnit = '';
  let lastPosition: number | undefined;
  for (let i = 0; i < scores.length; i++) {
    const row = scores[i];
    if (row === undefined || row.period !== period.code) continue;
    // rows usually come grouped by unit: skip the map lookup for a repeat
    if (row.unit !== lastUnit) {
      lastUnit = row.unit;
      lastPosition = unitIndex.get(row.unit);
    }
    const u = lastPosition;
    if (u === undefined) {
      issues.push({ source: 'scores', index: i, column: 'unit', message: `单位 ${row.unit} 不存在` });
      continue;
    }
    const leaf = scheme.leafByCode.get(row.indicator);
    if (leaf === undefined) {
      const node = scheme.nodeByCode.get(row.indicator);
      issues.push({
        source: 'scores',
        index: i,
        column: 'indicator',
        message:
          node === undefined ? `指标 ${row.indicator} 不在方案 ${scheme.code} 中` : `指标 ${row.indicator} 不是末级指标,不能直接打分`,
      });
      continue;
    }
    const at = u * leafCount + leaf.index;
    const previous = valueRows[at] ?? -1;
    if (previous >= 0) {
      issues.push({
        source: 'scores',
        index: i,
        column: 'indicator',
        message: `单位 ${row.unit} 在 ${period.code} 的指标 ${row.indicator} 重复打分`,
      });
      continue;
    }
    values[at] = row.value;
    valueRows[at] = i;
    assessed[u] = 1;
  }

  const findings = new Map<number, number[]>();
  const findingRows = inputs.findings ?? [];
  for (let i = 0; i < findingRows.length; i++) {
    const row = findingRows[i];
    if (row === undefined || row.period !== period.code) continue;
    const u = unitIndex.get(row.unit);
    if (u === undefined) {
      issues.push({ source: 'findings', index: i, column: 'unit', message: `单位 ${row.unit} 不存在` });
      continue;
    }
    const leaf = scheme.leafByCode.get(row.indicator);
    if (leaf === undefined || leaf.rule.kind !== 'deduct') {
      const message =
        leaf !== undefined
          ? `指标 ${row.indicator} 不是扣分项(deduct),不能登记问题`
          : scheme.nodeByCode.has(row.indicator)
            ? `指标 ${row.indicator} 不是末级指标,不能登记问题`
            : `指标 ${row.indicator} 不在方案 ${scheme.code} 中`;
      issues.push({ source: 'findings', index: i, column: 'indicator', message });
      continue;
    }
    if (!Number.isSafeInteger(row.count) || row.count < 0) {
      issues.push({ source: 'findings', index: i, column: 'count', message: `问题数量应为非负整数,实际为 ${String(row.count)}` });
      continue;
    }
    if (row.deduction !== null && numberToMilli(row.deduction) === null) {
      issues.push({
        source: 'findings',
        index: i,
        column: 'deduction',
        message: `扣分应为不超过三位小数的非负数,实际为 ${String(row.deduction)}`,
      });
      continue;
    }
    const at = u * leafCount + leaf.index;
    const list = findings.get(at);
    if (list === undefined) findings.set(at, [i]);
    else list.push(i);
    assessed[u] = 1;
  }

  const events: (number[] | undefined)[] = new Array<number[] | undefined>(units.length);
  const eventRows = inputs.events ?? [];
  for (let i = 0; i < eventRows.length; i++) {
    const row = eventRows[i];
    if (row === undefined || row.period !== period.code) continue;
    const u = unitIndex.get(row.unit);
    if (u === undefined) {
      issues.push({ source: 'events', index: i, column: 'unit', message: `单位 ${row.unit} 不存在` });
      continue;
    }
    if (!scheme.events.has(row.code)) {
      issues.push({ source: 'events', index: i, column: 'code', message: `事项编码 ${row.code} 不是方案中的否决项、加分项或重大扣分项` });
      continue;
    }
    push(events, u, i);
    assessed[u] = 1;
  }

  const rectifications: (number[] | undefined)[] = new Array<number[] | undefined>(units.length);
  const rectificationRows = inputs.rectifications ?? [];
  const seenItems = new Set<string>();
  for (let i = 0; i < rectificationRows.length; i++) {
    const row = rectificationRows[i];
    if (row === undefined || row.due < period.start || row.due > period.end) continue;
    const u = unitIndex.get(row.unit);
    if (u === undefined) {
      issues.push({ source: 'rectifications', index: i, column: 'unit', message: `单位 ${row.unit} 不存在` });
      continue;
    }
    const key = `${row.unit}\u0000${row.item}`;
    if (seenItems.has(key)) {
      issues.push({ source: 'rectifications', index: i, column: 'item', message: `单位 ${row.unit} 的整改事项 ${row.item} 重复` });
      continue;
    }
    seenItems.add(key);
    if (!Number.isSafeInteger(row.rejected) || row.rejected < 0) {
      issues.push({
        source: 'rectifications',
        index: i,
        column: 'rejected',
        message: `复查未通过次数应为非负整数,实际为 ${String(row.rejected)}`,
      });
      continue;
    }
    push(rectifications, u, i);
  }

  return { units, unitIndex, values, valueRows, findings, events, rectifications, assessed };
}
