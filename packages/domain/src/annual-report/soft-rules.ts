// The soft rules S1–S8 (spec §5.3): warnings that need metadata, the narrative or last year's report.
import type { ReportCheck, ReportFormat, ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import { formatNumber, listCells } from './rules';
import type { CellValues } from './rules';
import { APPLICANT_COLUMNS, SECTION_NUMERALS, describeCell } from './template';
import { MAKES_RULES, UNIT_KIND_LABELS } from './unit-kind';

/** Counts stated in 一、总体情况, under the cell they should equal (litigation.total = both 诉讼 totals). */
export type NarrativeKey =
  | 'apply.new.total'
  | 'apply.carried_in.total'
  | 'apply.carried_out.total'
  | 'apply.result.total.total'
  | 'review.total'
  | 'litigation.total'
  | 'active.rules.issued'
  | 'active.normative.issued';
export type NarrativeFigures = Partial<Record<NarrativeKey, number>>;

export interface SoftRuleContext {
  unitKind?: ReportUnitKind | null;
  /** The same unit's report for the year before. */
  previous?: { format: ReportFormat; cells: CellValues } | null;
  narrative?: NarrativeFigures;
  /** Numerals of the part headings found, in order. */
  sections?: readonly string[];
  /** Text of 六、其他需要报告的事项 (null when the part is missing). */
  sixthSectionText?: string | null;
  /** The unit the fee amount was written in, when the source says (元 where 万元 is required). */
  feeUnit?: '元' | '万元' | null;
}

export interface SoftRuleReport {
  format: ReportFormat;
  year?: number | null;
  cells: CellValues;
}

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const warning = (
  rule: ReportCheck['rule'],
  cells: string[],
  message: string,
  lhs: number | null = null,
  rhs: number | null = null,
): ReportCheck => ({
  rule,
  severity: 'warning',
  cells,
  message,
  lhs,
  rhs,
  delta: lhs !== null && rhs !== null ? Math.round((lhs - rhs) * 1e6) / 1e6 : null,
});
const diff = (lhs: number, rhs: number) => `(差 ${formatNumber(Math.round((lhs - rhs) * 1e6) / 1e6)})`;

/** S1: 上年结转 (year Y) = 结转下年度 (year Y−1), per column. */
export function checkCarryOver(report: SoftRuleReport, previous: { cells: CellValues }): ReportCheck[] {
  const out: ReportCheck[] = [];
  for (const c of APPLICANT_COLUMNS) {
    const key = `apply.carried_in.${c.key}`;
    const now = report.cells[key];
    const before = previous.cells[`apply.carried_out.${c.key}`];
    if (!isNumber(now) || !isNumber(before) || now === before) continue;
    const scope = c.key === 'total' ? '' : `${c.label}: `;
    out.push(warning('S1', [key], `${scope}上年结转 ${now} ≠ 上一年度报告的结转下年度 ${before} ${diff(now, before)}`, now, before));
  }
  return out;
}

const STOCKS = [
  { key: 'active.rules', label: '规章' },
  { key: 'active.normative', label: '行政规范性文件' },
] as const;

/** S2: 现行有效 (Y) = 现行有效 (Y−1) + 本年制发 − 本年废止; expiries break it, so a warning. */
export function checkStockContinuity(report: SoftRuleReport, previous: { format: ReportFormat; cells: CellValues }): ReportCheck[] {
  if (report.format !== 2021 || previous.format !== 2021) return [];
  const out: ReportCheck[] = [];
  for (const s of STOCKS) {
    const inForce = report.cells[`${s.key}.in_force`];
    const before = previous.cells[`${s.key}.in_force`];
    const issued = report.cells[`${s.key}.issued`];
    const repealed = report.cells[`${s.key}.repealed`];
    if (!isNumber(inForce) || !isNumber(before) || !isNumber(issued) || !isNumber(repealed)) continue;
    const expected = before + issued - repealed;
    if (inForce === expected) continue;
    out.push(
      warning(
        'S2',
        [`${s.key}.in_force`, `${s.key}.issued`, `${s.key}.repealed`],
        `${s.label}: 现行有效 ${inForce} ≠ 上年现行有效 ${before} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected} ${diff(inForce, expected)}; 如有到期失效或集中清理请说明`,
        inForce,
        expected,
      ),
    );
  }
  return out;
}

/** S3: 本年制发 ≤ 现行有效 + 本年废止. */
export function checkStockSanity(report: SoftRuleReport): ReportCheck[] {
  if (report.format !== 2021) return [];
  const out: ReportCheck[] = [];
  for (const s of STOCKS) {
    const issued = report.cells[`${s.key}.issued`];
    const inForce = report.cells[`${s.key}.in_force`];
    const repealed = report.cells[`${s.key}.repealed`];
    if (!isNumber(issued) || !isNumber(inForce) || !isNumber(repealed) || issued <= inForce + repealed) continue;
    out.push(
      warning(
        'S3',
        [`${s.key}.issued`, `${s.key}.in_force`, `${s.key}.repealed`],
        `${s.label}: 本年制发 ${issued} > 现行有效 ${inForce} + 本年废止 ${repealed} = ${inForce + repealed} (多 ${issued - inForce - repealed})`,
        issued,
        inForce + repealed,
      ),
    );
  }
  return out;
}

const RULE_CELLS_2021 = ['active.rules.issued', 'active.rules.repealed', 'active.rules.in_force'];
const RULE_CELLS_2019 = ['active2019.rules.new_made', 'active2019.rules.new_published', 'active2019.rules.total_published'];

/** S4: only 设区的市 (and higher) governments make 规章; everyone else's 规章 cells should be 0. */
export function checkRuleMakingCapacity(report: SoftRuleReport, unitKind: ReportUnitKind): ReportCheck[] {
  if (MAKES_RULES.has(unitKind)) return [];
  const keys = report.format === 2021 ? RULE_CELLS_2021 : RULE_CELLS_2019;
  const claimed = keys.filter((k) => (report.cells[k] ?? 0) > 0);
  if (claimed.length === 0) return [];
  const values = claimed.map((k) => `${describeCell(k)} ${formatNumber(report.cells[k] ?? 0)}`).join('、');
  return [warning('S4', claimed, `${UNIT_KIND_LABELS[unitKind]}无权制定规章, 规章栏应为 0, 实填: ${values}`)];
}

/** Amounts (万元) above which a unit's fee looks like it was written in 元. */
const FEE_LIMIT_WAN: Record<ReportUnitKind, number> = {
  township: 1_000,
  street: 1_000,
  county_dept: 50_000,
  city_dept: 200_000,
  county_gov: 500_000,
  city_gov: 5_000_000,
};

/** S5: the fee amount is in 万元; flag one written in 元 or too large for the unit. */
export function checkFeeUnit(report: SoftRuleReport, context: Pick<SoftRuleContext, 'unitKind' | 'feeUnit'>): ReportCheck[] {
  if (report.format !== 2021) return [];
  const key = 'active.fees.amount_wan';
  const amount = report.cells[key];
  if (!isNumber(amount)) return [];
  if (context.feeUnit === '元')
    return [
      warning(
        'S5',
        [key],
        `行政事业性收费金额写的是 ${formatNumber(amount)} 元, 表格单位为万元(应填 ${formatNumber(amount / 10_000)})`,
        amount,
      ),
    ];
  const limit = FEE_LIMIT_WAN[context.unitKind ?? 'city_gov'];
  if (amount <= limit) return [];
  const who = context.unitKind ? UNIT_KIND_LABELS[context.unitKind] : '一个单位';
  return [
    warning(
      'S5',
      [key],
      `行政事业性收费 ${formatNumber(amount)} 万元, 对${who}而言异常偏大(超过 ${formatNumber(limit)} 万元), 可能按元填写`,
      amount,
      limit,
    ),
  ];
}

const NARRATIVE_LABELS: Record<NarrativeKey, [string, string[]]> = {
  'apply.new.total': ['收到申请', ['apply.new.total']],
  'apply.carried_in.total': ['上年结转', ['apply.carried_in.total']],
  'apply.carried_out.total': ['结转下年度', ['apply.carried_out.total']],
  'apply.result.total.total': ['办结(答复)', ['apply.result.total.total']],
  'review.total': ['行政复议', ['review.total']],
  'litigation.total': ['行政诉讼', ['litigation.direct.total', 'litigation.after_review.total']],
  'active.rules.issued': ['制发规章', ['active.rules.issued']],
  'active.normative.issued': ['制发行政规范性文件', ['active.normative.issued']],
};

/** S6: counts written in 一、总体情况 equal the table cells. */
export function checkNarrative(report: SoftRuleReport, narrative: NarrativeFigures): ReportCheck[] {
  const out: ReportCheck[] = [];
  for (const [key, stated] of Object.entries(narrative) as [NarrativeKey, number | undefined][]) {
    if (stated === undefined) continue;
    const [label, cells] = NARRATIVE_LABELS[key];
    if (!cells.every((k) => k in report.cells)) continue;
    const values = cells.map((k) => report.cells[k]);
    if (!values.every(isNumber)) continue;
    const table = values.reduce<number>((s, v) => s + (v ?? 0), 0);
    if (table === stated) continue;
    const where = cells.length > 1 ? `${listCells(cells)} 之和` : describeCell(cells[0] ?? key);
    out.push(warning('S6', cells, `总体情况写明${label} ${stated} 件, 表格 ${where} 为 ${table} ${diff(stated, table)}`, stated, table));
  }
  return out;
}

/** S7: a report for 2021 or later uses the 2021 format, and its 六 says whether 信息处理费 was collected. */
export function checkFormatYear(report: SoftRuleReport, sixthSectionText?: string | null): ReportCheck[] {
  const out: ReportCheck[] = [];
  const year = report.year ?? null;
  if (year === null) return out;
  if (year >= 2021 && report.format === 2019)
    out.push(warning('S7', [], `格式错误: ${year} 年度报告应使用 2021 年格式(国办公开办函〔2021〕30号), 本报告的表格为 2019 年试行格式`));
  if (year >= 2021 && typeof sixthSectionText === 'string' && !/处理费/.test(sixthSectionText))
    out.push(warning('S7', [], '六、其他需要报告的事项 未说明信息处理费的收取情况(国办函〔2020〕109号)'));
  return out;
}

/** S8: all six parts present, in order. */
export function checkSections(sections: readonly string[]): ReportCheck[] {
  const out: ReportCheck[] = [];
  const missing = SECTION_NUMERALS.filter((n) => !sections.includes(n));
  if (missing.length > 0) out.push(warning('S8', [], `缺少第${missing.join('、')}部分(年度报告应有 一 至 六 六个部分)`));
  const known = sections.filter((n) => (SECTION_NUMERALS as readonly string[]).includes(n));
  const ordered = [...known].sort((a, b) => SECTION_NUMERALS.indexOf(a as never) - SECTION_NUMERALS.indexOf(b as never));
  if (known.join() !== ordered.join()) out.push(warning('S8', [], `各部分顺序不对: ${known.join('、')}`));
  const extra = sections.filter((n) => !(SECTION_NUMERALS as readonly string[]).includes(n));
  if (extra.length > 0) out.push(warning('S8', [], `多出第${extra.join('、')}部分(格式只有六个部分; 旧格式的“收费及减免情况”应并入六)`));
  return out;
}

/** Every soft rule the context allows (a rule needing data the context lacks is skipped). */
export function checkSoftRules(report: SoftRuleReport, context: SoftRuleContext = {}): ReportCheck[] {
  const checks: ReportCheck[] = [];
  if (context.previous) checks.push(...checkCarryOver(report, context.previous));
  if (context.previous) checks.push(...checkStockContinuity(report, context.previous));
  checks.push(...checkStockSanity(report));
  if (context.unitKind) checks.push(...checkRuleMakingCapacity(report, context.unitKind));
  checks.push(...checkFeeUnit(report, context));
  if (context.narrative) checks.push(...checkNarrative(report, context.narrative));
  checks.push(...checkFormatYear(report, context.sixthSectionText));
  if (context.sections) checks.push(...checkSections(context.sections));
  return checks;
}
