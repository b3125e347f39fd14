// The hard consistency rules H1–H7 (spec §5.1) as data — every rule instance declares the cells it
// involves — and checkHardRules(), which turns them into checks with the equation, the numbers and
// the difference. A blank cell makes an instance an error (未填写); an unresolved one a warning (无法核验).
import type { ReportCheck, ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import {
  APPLICANT_COLUMNS,
  APPLICANT_PART_COLUMNS,
  APPLY_ROWS_2019,
  APPLY_ROWS_2021,
  CASE_GROUPS,
  RESULT_GROUPS,
  describeCell,
  templateCells,
} from './template';
import type { CellKind } from './template';

export type HardRuleId = 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'H7';
export type CellValues = Readonly<Record<string, number | null | undefined>>;

/** One side term of an equation; a group term (不予公开) adds several cells. */
export interface Term {
  label: string;
  keys: readonly string[];
}

export interface EquationRule {
  kind: 'equation';
  rule: HardRuleId;
  /** Stable instance id, e.g. `H1:natural`, `H2:apply.new`. */
  id: string;
  /** Column or row the instance is about (shown before the equation); none for the 总计 column. */
  scope?: string;
  lhs: readonly Term[];
  rhs: readonly Term[];
  /** Every cell of the instance: the keys of lhs then of rhs. */
  cells: readonly string[];
  lhsKeys: readonly string[];
  rhsKeys: readonly string[];
  /** Checked only when one of these cells is filled: subtotal rows the format does not print. */
  optionalCells?: readonly string[];
}

export interface ValueRule {
  kind: 'value';
  rule: 'H7';
  id: string;
  cells: readonly [string];
  cellKind: CellKind;
}

export type HardRule = EquationRule | ValueRule;

export const HARD_RULE_TITLES: Record<HardRuleId, string> = {
  H1: '本年新收 + 上年结转 = 办理结果总计 + 结转下年度',
  H2: '总计列 = 各类申请人之和',
  H3: '办理结果总计 = 各项办理结果之和',
  H4: '行政复议总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  H5: '行政诉讼(未经复议直接起诉)总计 = 各结果之和',
  H6: '行政诉讼(复议后起诉)总计 = 各结果之和',
  H7: '每个数为不小于 0 的整数(收费金额为不小于 0 的数)',
};

const term = (label: string, ...keys: string[]): Term => ({ label, keys });
const flat = (terms: readonly Term[]) => terms.flatMap((t) => t.keys);

function equation(
  rule: HardRuleId,
  id: string,
  scope: string | undefined,
  lhs: Term[],
  rhs: Term[],
  optionalCells?: string[],
): EquationRule {
  const lhsKeys = flat(lhs);
  const rhsKeys = flat(rhs);
  const r: EquationRule = { kind: 'equation', rule, id, lhs, rhs, cells: [...lhsKeys, ...rhsKeys], lhsKeys, rhsKeys };
  if (scope !== undefined) r.scope = scope;
  if (optionalCells !== undefined) r.optionalCells = optionalCells;
  return r;
}

const columnScope = (c: (typeof APPLICANT_COLUMNS)[number]) =>
  c.key === 'total' ? undefined : c.key === 'other_org' ? '其他组织' : c.label;

function buildRules(format: ReportFormat): readonly HardRule[] {
  const rows = format === 2021 ? APPLY_ROWS_2021 : APPLY_ROWS_2019;
  const rules: HardRule[] = [];

  // H1, per column: new + carried_in = result.total + carried_out.
  for (const c of APPLICANT_COLUMNS)
    rules.push(
      equation(
        'H1',
        `H1:${c.key}`,
        columnScope(c),
        [term('本年新收', `apply.new.${c.key}`), term('上年结转', `apply.carried_in.${c.key}`)],
        [term('办理结果总计', `apply.result.total.${c.key}`), term('结转下年度', `apply.carried_out.${c.key}`)],
      ),
    );

  // H2, per row: total = Σ six applicant columns (and on subtotal rows a report prints).
  const h2 = (rowKey: string, scope: string, optional: boolean) =>
    equation(
      'H2',
      `H2:${rowKey}`,
      scope,
      [term('总计', `${rowKey}.total`)],
      APPLICANT_PART_COLUMNS.map((o) =>
        term(o === 'other_org' ? '其他组织' : (APPLICANT_COLUMNS.find((c) => c.key === o)?.label ?? o), `${rowKey}.${o}`),
      ),
      optional ? APPLICANT_COLUMNS.map((c) => `${rowKey}.${c.key}`) : undefined,
    );
  for (const r of rows) rules.push(h2(r.key, r.short, false));
  const printedSubtotals = RESULT_GROUPS.filter((g) => !(format === 2019 && g.key === 'apply.result.other'));
  for (const g of printedSubtotals) rules.push(h2(`${g.key}.sum`, `${g.short}小计`, true));

  // H3, per column: (七)总计 = every result row (groups shown as their subtotal).
  const leaves = (prefix: string) => rows.filter((r) => r.key.startsWith(`${prefix}.`));
  for (const c of APPLICANT_COLUMNS) {
    const col = (k: string) => `${k}.${c.key}`;
    const rhs: Term[] = [term('予以公开', col('apply.result.granted')), term('部分公开', col('apply.result.partial'))];
    for (const g of RESULT_GROUPS) rhs.push(term(g.short, ...leaves(g.key).map((r) => col(r.key))));
    rules.push(equation('H3', `H3:${c.key}`, columnScope(c), [term('办理结果总计', col('apply.result.total'))], rhs));
  }
  // …and a printed group subtotal row equals its sub-rows.
  for (const g of printedSubtotals)
    for (const c of APPLICANT_COLUMNS) {
      const sum = `${g.key}.sum.${c.key}`;
      const scope = c.key === 'total' ? `${g.short}小计` : `${g.short}小计·${columnScope(c) ?? c.label}`;
      const parts = leaves(g.key).filter((r) => !r.key.endsWith('.sum'));
      rules.push(
        equation(
          'H3',
          `H3:${g.key}.sum:${c.key}`,
          scope,
          [term(`${g.short}小计`, sum)],
          parts.map((r) => term(r.short, `${r.key}.${c.key}`)),
          [sum],
        ),
      );
    }

  // H4–H6: total = upheld + corrected + other + pending, for each of the three case groups.
  CASE_GROUPS.forEach((g, i) => {
    const rule = (['H4', 'H5', 'H6'] as const)[i] ?? 'H4';
    rules.push(
      equation(
        rule,
        `${rule}:${g.key}`,
        g.label,
        [term('总计', `${g.key}.total`)],
        [
          term('结果维持', `${g.key}.upheld`),
          term('结果纠正', `${g.key}.corrected`),
          term('其他结果', `${g.key}.other`),
          term('尚未审结', `${g.key}.pending`),
        ],
      ),
    );
  });

  // H7: every cell of the template holds a well-formed value.
  for (const d of templateCells(format)) rules.push({ kind: 'value', rule: 'H7', id: `H7:${d.key}`, cells: [d.key], cellKind: d.kind });
  return rules;
}

const RULES = { 2021: buildRules(2021), 2019: buildRules(2019) } as const;

/** All hard-rule instances for a format, in rule order. */
export function hardRules(format: ReportFormat): readonly HardRule[] {
  return RULES[format];
}

// ─── Checking ──────────────────────────────────────────────────────────────────────

export interface CheckInput {
  format: ReportFormat;
  cells: CellValues;
  /** Cells present in the source but not read with certainty. */
  unresolved?: Iterable<string>;
}

/** Rounds away binary noise so 0.1 + 0.2 prints as 0.3. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

const MAX_LISTED = 8;
/** "本年新收·自然人、上年结转·自然人" with at most eight names, then "等 N 个单元格". */
export function listCells(keys: readonly string[]): string {
  const names = keys.slice(0, MAX_LISTED).map(describeCell).join('、');
  return keys.length > MAX_LISTED ? `${names} 等 ${keys.length} 个单元格` : names;
}

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
function sumOf(keys: readonly string[], cells: CellValues): number {
  let s = 0;
  for (const k of keys) s += cells[k] ?? 0;
  return s;
}
const equationText = (r: EquationRule) => `${r.lhs.map((t) => t.label).join(' + ')} = ${r.rhs.map((t) => t.label).join(' + ')}`;
const prefix = (scope: string | undefined) => (scope === undefined ? '' : `${scope}: `);

function sideText(terms: readonly Term[], cells: CellValues): string {
  const text = terms.map((t) => `${t.label} ${formatNumber(sumOf(t.keys, cells))}`).join(' + ');
  return terms.length > 2 ? `${text} = ${formatNumber(sumOf(flat(terms), cells))}` : text;
}

type Outcome =
  | { status: 'ok' }
  | { status: 'blank'; blank: string[]; unresolved: string[] }
  | { status: 'unresolved'; unresolved: string[] }
  | { status: 'mismatch'; check: ReportCheck };

function evaluateEquation(r: EquationRule, cells: CellValues, unresolved: ReadonlySet<string>): Outcome {
  if (r.optionalCells && r.optionalCells.every((k) => !isNumber(cells[k]) && !unresolved.has(k))) return { status: 'ok' };
  let complete = true;
  for (const k of r.cells)
    if (!isNumber(cells[k]) || unresolved.has(k)) {
      complete = false;
      break;
    }
  if (!complete) {
    const blank = r.cells.filter((k) => !isNumber(cells[k]) && !unresolved.has(k));
    const unsure = r.cells.filter((k) => unresolved.has(k));
    return blank.length > 0 ? { status: 'blank', blank, unresolved: unsure } : { status: 'unresolved', unresolved: unsure };
  }
  const lhs = sumOf(r.lhsKeys, cells);
  const rhs = sumOf(r.rhsKeys, cells);
  const delta = Math.round((lhs - rhs) * 1e6) / 1e6;
  if (delta === 0) return { status: 'ok' };
  return {
    status: 'mismatch',
    check: {
      rule: r.rule,
      severity: 'error',
      cells: [...r.cells],
      message: `${prefix(r.scope)}${sideText(r.lhs, cells)} ≠ ${sideText(r.rhs, cells)} (差 ${formatNumber(delta)})`,
      lhs,
      rhs,
      delta,
    },
  };
}

function valueProblem(kind: CellKind, v: number): string | null {
  if (kind === 'amount') return v >= 0 ? null : '应为不小于 0 的数';
  if (!Number.isInteger(v)) return '应为整数';
  if (kind === 'count' && v < 0) return '应为不小于 0 的整数';
  return null;
}

const blankCheck = (rule: HardRuleId, cells: string[], message: string): ReportCheck => ({
  rule,
  severity: 'error',
  cells,
  message,
  lhs: null,
  rhs: null,
  delta: null,
});
const unsureCheck = (rule: HardRuleId, cells: string[], message: string): ReportCheck => ({
  rule,
  severity: 'warning',
  cells,
  message,
  lhs: null,
  rhs: null,
  delta: null,
});

/**
 * Checks every hard-rule instance of the report's format. Returns only the problems, in rule order.
 * Instances of one rule whose cells are all blank (a table left out) are reported as one check.
 */
export function checkHardRules(input: CheckInput): ReportCheck[] {
  const { cells } = input;
  const unresolved = new Set(input.unresolved ?? []);
  const checks: ReportCheck[] = [];
  const allBlank = new Map<HardRuleId, { cells: string[]; scopes: string[] }>();
  const valueBlank: string[] = [];
  const valueUnsure: string[] = [];

  const flushBlank = (rule: HardRuleId) => {
    const group = allBlank.get(rule);
    if (!group) return;
    const [only, ...more] = group.scopes;
    const head = more.length === 0 && only !== undefined ? `${only}: ` : '';
    const tail =
      more.length > 0
        ? `(${group.scopes.length} 处: ${group.scopes.slice(0, MAX_LISTED).join('、')}${group.scopes.length > MAX_LISTED ? '…' : ''})`
        : '';
    checks.push(
      blankCheck(rule, group.cells, `${head}未填写: ${listCells(group.cells)} 全部空白 — 无法核对 ${HARD_RULE_TITLES[rule]}${tail}`),
    );
    allBlank.delete(rule);
  };

  let currentRule: HardRuleId | undefined;
  for (const r of hardRules(input.format)) {
    if (r.rule !== currentRule) {
      if (currentRule !== undefined) flushBlank(currentRule);
      currentRule = r.rule;
    }
    if (r.kind === 'value') {
      const key = r.cells[0];
      const v = cells[key];
      if (unresolved.has(key)) valueUnsure.push(key);
      else if (!isNumber(v)) valueBlank.push(key);
      else {
        const problem = valueProblem(r.cellKind, v);
        if (problem)
          checks.push({
            rule: 'H7',
            severity: 'error',
            cells: [key],
            message: `${describeCell(key)} 为 ${formatNumber(v)}, ${problem}`,
            lhs: v,
            rhs: null,
            delta: null,
          });
      }
      continue;
    }
    const outcome = evaluateEquation(r, cells, unresolved);
    if (outcome.status === 'mismatch') checks.push(outcome.check);
    else if (outcome.status === 'unresolved') {
      checks.push(
        unsureCheck(r.rule, [...r.cells], `${prefix(r.scope)}无法核验: ${listCells(outcome.unresolved)} 未能可靠读取 — ${equationText(r)}`),
      );
    } else if (outcome.status === 'blank') {
      if (outcome.blank.length === r.cells.length) {
        const group = allBlank.get(r.rule) ?? { cells: [], scopes: [] };
        group.cells.push(...r.cells);
        group.scopes.push(r.scope ?? '总计');
        allBlank.set(r.rule, group);
      } else {
        const also = outcome.unresolved.length > 0 ? `; ${listCells(outcome.unresolved)} 未能可靠读取` : '';
        checks.push(
          blankCheck(r.rule, [...r.cells], `${prefix(r.scope)}未填写: ${listCells(outcome.blank)}${also} — 无法核对 ${equationText(r)}`),
        );
      }
    }
  }
  if (currentRule !== undefined) flushBlank(currentRule);
  if (valueBlank.length > 0) checks.push(blankCheck('H7', valueBlank, `未填写: ${listCells(valueBlank)}(空白单元格不按 0 处理)`));
  if (valueUnsure.length > 0) checks.push(unsureCheck('H7', valueUnsure, `无法核验: ${listCells(valueUnsure)} 未能可靠读取`));
  return checks;
}
