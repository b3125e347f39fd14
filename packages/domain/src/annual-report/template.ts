// The annual-report template: every cell of the 2021 national format (and of the 2019 trial format
// still met in the wild) with its key, Chinese row/column labels and section, in the order a form
// renders them. Described in docs/annual-report-format.md §3–§4. Pure data, no I/O.
import type { ReportFormat } from '@kaoping/contracts/annual-report/annual-report';

export type { ReportFormat };

/** count: integer ≥ 0; amount: decimal ≥ 0 (万元); delta: integer, may be negative (2019 本年增/减). */
export type CellKind = 'count' | 'amount' | 'delta';
export type SectionNumeral = '一' | '二' | '三' | '四' | '五' | '六';

export interface TemplateColumn {
  key: string;
  label: string;
  /** Spanning header above the column (法人或其他组织, 行政诉讼·复议后起诉…). */
  group?: string;
  kind?: CellKind;
}

export interface TemplateRow {
  /** Key prefix; '' for the single data row of 四, whose column keys are the full keys. */
  key: string;
  /** Verbatim label of the format. */
  label: string;
  /** Short name used in check messages (本年新收, 予以公开…). */
  short: string;
  /** 三、本年度办理结果 */
  group?: string;
  /** （三）不予公开 … */
  subgroup?: string;
}

export interface TemplateTable {
  id: string;
  section: SectionNumeral;
  /** 第二十条第（一）项 … for the blocks of 二. */
  block?: string;
  columns: readonly TemplateColumn[];
  rows: readonly TemplateRow[];
}

export interface TemplateSection {
  numeral: SectionNumeral;
  /** Heading wording of the format. */
  title: string;
  /** Text-only parts (一, 五, 六) have no table. */
  tables: readonly TemplateTable[];
}

export interface CellDefinition {
  key: string;
  section: SectionNumeral;
  tableId: string;
  block?: string;
  rowKey: string;
  rowLabel: string;
  rowShort: string;
  group?: string;
  subgroup?: string;
  columnKey: string;
  columnLabel: string;
  columnGroup?: string;
  kind: CellKind;
}

// ─── 三、收到和处理政府信息公开申请情况 ─────────────────────────────────────────────

const ORG = '法人或其他组织';
export const APPLICANT_COLUMNS = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业', group: ORG },
  { key: 'research', label: '科研机构', group: ORG },
  { key: 'social', label: '社会公益组织', group: ORG },
  { key: 'legal_service', label: '法律服务机构', group: ORG },
  { key: 'other_org', label: '其他', group: ORG },
  { key: 'total', label: '总计' },
] as const satisfies readonly TemplateColumn[];

export type ApplicantColumnKey = (typeof APPLICANT_COLUMNS)[number]['key'];
/** C \ {total}: the six applicant columns that add up to 总计. */
export const APPLICANT_PART_COLUMNS: readonly ApplicantColumnKey[] = [
  'natural',
  'commercial',
  'research',
  'social',
  'legal_service',
  'other_org',
];
export const APPLICANT_COLUMN_KEYS: readonly ApplicantColumnKey[] = [...APPLICANT_PART_COLUMNS, 'total'];

const RESULT = '三、本年度办理结果';
const DENY = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

/** Result groups whose rows add up to (七)总计, with the derived subtotal row of each. */
export const RESULT_GROUPS = [
  { key: 'apply.result.deny', label: DENY, short: '不予公开' },
  { key: 'apply.result.unable', label: UNABLE, short: '无法提供' },
  { key: 'apply.result.not_processed', label: NOT_PROCESSED, short: '不予处理' },
  { key: 'apply.result.other', label: OTHER, short: '其他处理' },
] as const;

const row = (key: string, label: string, short: string, subgroup?: string): TemplateRow =>
  subgroup === undefined ? { key, label, short, group: RESULT } : { key, label, short, group: RESULT, subgroup };

const APPLY_HEAD_ROWS: readonly TemplateRow[] = [
  { key: 'apply.new', label: '一、本年新收政府信息公开申请数量', short: '本年新收' },
  { key: 'apply.carried_in', label: '二、上年结转政府信息公开申请数量', short: '上年结转' },
  row('apply.result.granted', '（一）予以公开', '予以公开'),
  row('apply.result.partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开'),
  row('apply.result.deny.state_secret', '1.属于国家秘密', '属于国家秘密', DENY),
  row('apply.result.deny.law_prohibited', '2.其他法律行政法规禁止公开', '其他法律行政法规禁止公开', DENY),
  row('apply.result.deny.security_stability', '3.危及“三安全一稳定”', '危及“三安全一稳定”', DENY),
  row('apply.result.deny.third_party', '4.保护第三方合法权益', '保护第三方合法权益', DENY),
  row('apply.result.deny.internal_affairs', '5.属于三类内部事务信息', '属于三类内部事务信息', DENY),
  row('apply.result.deny.process_info', '6.属于四类过程性信息', '属于四类过程性信息', DENY),
  row('apply.result.deny.enforcement_file', '7.属于行政执法案卷', '属于行政执法案卷', DENY),
  row('apply.result.deny.admin_query', '8.属于行政查询事项', '属于行政查询事项', DENY),
  row('apply.result.unable.not_held', '1.本机关不掌握相关政府信息', '本机关不掌握相关政府信息', UNABLE),
  row('apply.result.unable.needs_creation', '2.没有现成信息需要另行制作', '没有现成信息需要另行制作', UNABLE),
  row('apply.result.unable.unclear', '3.补正后申请内容仍不明确', '补正后申请内容仍不明确', UNABLE),
  row('apply.result.not_processed.complaint', '1.信访举报投诉类申请', '信访举报投诉类申请', NOT_PROCESSED),
  row('apply.result.not_processed.duplicate', '2.重复申请', '重复申请', NOT_PROCESSED),
  row('apply.result.not_processed.publication', '3.要求提供公开出版物', '要求提供公开出版物', NOT_PROCESSED),
  row('apply.result.not_processed.excessive', '4.无正当理由大量反复申请', '无正当理由大量反复申请', NOT_PROCESSED),
  row(
    'apply.result.not_processed.reconfirm',
    '5.要求行政机关确认或重新出具已获取信息',
    '要求行政机关确认或重新出具已获取信息',
    NOT_PROCESSED,
  ),
];

const OTHER_ROWS_2021: readonly TemplateRow[] = [
  row('apply.result.other.no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '逾期不补正', OTHER),
  row('apply.result.other.fee_unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '逾期未缴纳费用', OTHER),
  row('apply.result.other.misc', '3.其他', '其他处理·其他', OTHER),
];
const OTHER_ROWS_2019: readonly TemplateRow[] = [row('apply.result.other.sum', OTHER, '其他处理')];

const APPLY_TAIL_ROWS: readonly TemplateRow[] = [
  row('apply.result.total', '（七）总计', '办理结果总计'),
  { key: 'apply.carried_out', label: '四、结转下年度继续办理', short: '结转下年度' },
];

export const APPLY_ROWS_2021: readonly TemplateRow[] = [...APPLY_HEAD_ROWS, ...OTHER_ROWS_2021, ...APPLY_TAIL_ROWS];
export const APPLY_ROWS_2019: readonly TemplateRow[] = [...APPLY_HEAD_ROWS, ...OTHER_ROWS_2019, ...APPLY_TAIL_ROWS];
/** Leaf result rows other than (六)其他处理, common to both formats. */
export const OTHER_SUBROW_KEYS = OTHER_ROWS_2021.map((r) => r.key);

// ─── 二、主动公开政府信息情况 ──────────────────────────────────────────────────────

const ACTIVE_2021: readonly TemplateTable[] = [
  {
    id: 'active.article20_1',
    section: '二',
    block: '第二十条第（一）项',
    columns: [
      { key: 'issued', label: '本年制发件数' },
      { key: 'repealed', label: '本年废止件数' },
      { key: 'in_force', label: '现行有效件数' },
    ],
    rows: [
      { key: 'active.rules', label: '规章', short: '规章' },
      { key: 'active.normative', label: '行政规范性文件', short: '行政规范性文件' },
    ],
  },
  {
    id: 'active.article20_5',
    section: '二',
    block: '第二十条第（五）项',
    columns: [{ key: 'decisions', label: '本年处理决定数量' }],
    rows: [{ key: 'active.licensing', label: '行政许可', short: '行政许可' }],
  },
  {
    id: 'active.article20_6',
    section: '二',
    block: '第二十条第（六）项',
    columns: [{ key: 'decisions', label: '本年处理决定数量' }],
    rows: [
      { key: 'active.punishment', label: '行政处罚', short: '行政处罚' },
      { key: 'active.coercion', label: '行政强制', short: '行政强制' },
    ],
  },
  {
    id: 'active.article20_8',
    section: '二',
    block: '第二十条第（八）项',
    columns: [{ key: 'amount_wan', label: '本年收费金额（单位：万元）', kind: 'amount' }],
    rows: [{ key: 'active.fees', label: '行政事业性收费', short: '行政事业性收费' }],
  },
];

const ITEMS_2019: readonly TemplateColumn[] = [
  { key: 'prev_items', label: '上一年项目数量' },
  { key: 'delta', label: '本年增/减', kind: 'delta' },
  { key: 'decisions', label: '处理决定数量' },
];

const ACTIVE_2019: readonly TemplateTable[] = [
  {
    id: 'active2019.article20_1',
    section: '二',
    block: '第二十条第（一）项',
    columns: [
      { key: 'new_made', label: '本年新制作数量' },
      { key: 'new_published', label: '本年新公开数量' },
      { key: 'total_published', label: '对外公开总数量' },
    ],
    rows: [
      { key: 'active2019.rules', label: '规章', short: '规章' },
      { key: 'active2019.normative', label: '规范性文件', short: '规范性文件' },
    ],
  },
  {
    id: 'active2019.article20_5',
    section: '二',
    block: '第二十条第（五）项',
    columns: ITEMS_2019,
    rows: [
      { key: 'active2019.licensing', label: '行政许可', short: '行政许可' },
      { key: 'active2019.other_services', label: '其他对外管理服务事项', short: '其他对外管理服务事项' },
    ],
  },
  {
    id: 'active2019.article20_6',
    section: '二',
    block: '第二十条第（六）项',
    columns: ITEMS_2019,
    rows: [
      { key: 'active2019.punishment', label: '行政处罚', short: '行政处罚' },
      { key: 'active2019.coercion', label: '行政强制', short: '行政强制' },
    ],
  },
  {
    id: 'active2019.article20_8',
    section: '二',
    block: '第二十条第（八）项',
    columns: ITEMS_2019.slice(0, 2),
    rows: [{ key: 'active2019.fees', label: '行政事业性收费', short: '行政事业性收费' }],
  },
  {
    id: 'active2019.article20_9',
    section: '二',
    block: '第二十条第（九）项',
    columns: [
      { key: 'items', label: '采购项目数量' },
      { key: 'amount', label: '采购总金额', kind: 'amount' },
    ],
    rows: [{ key: 'active2019.procurement', label: '政府集中采购', short: '政府集中采购' }],
  },
];

// ─── 四、政府信息公开行政复议、行政诉讼情况 ────────────────────────────────────────

const OUTCOMES = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

/** The three 5-column groups of 四, each `total = upheld + corrected + other + pending`. */
export const CASE_GROUPS = [
  { key: 'review', label: '行政复议' },
  { key: 'litigation.direct', label: '行政诉讼·未经复议直接起诉' },
  { key: 'litigation.after_review', label: '行政诉讼·复议后起诉' },
] as const;
export const CASE_OUTCOME_KEYS = OUTCOMES.map((o) => o.key);

const CASES_TABLE: TemplateTable = {
  id: 'cases',
  section: '四',
  columns: CASE_GROUPS.flatMap((g) => OUTCOMES.map((o) => ({ key: `${g.key}.${o.key}`, label: o.label, group: g.label }))),
  rows: [{ key: '', label: '数量', short: '' }],
};

// ─── The whole template ───────────────────────────────────────────────────────────

const applyTable = (rows: readonly TemplateRow[]): TemplateTable => ({ id: 'apply', section: '三', columns: APPLICANT_COLUMNS, rows });

export const SECTION_TITLES: Record<SectionNumeral, string> = {
  一: '一、总体情况',
  二: '二、主动公开政府信息情况',
  三: '三、收到和处理政府信息公开申请情况',
  四: '四、政府信息公开行政复议、行政诉讼情况',
  五: '五、存在的主要问题及改进情况',
  六: '六、其他需要报告的事项',
};
export const SECTION_NUMERALS: readonly SectionNumeral[] = ['一', '二', '三', '四', '五', '六'];

/** Header cell of 三 (the 勾稽关系 the format itself states). */
export const APPLY_TABLE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function buildSections(format: ReportFormat): readonly TemplateSection[] {
  const tables: Record<SectionNumeral, readonly TemplateTable[]> = {
    一: [],
    二: format === 2021 ? ACTIVE_2021 : ACTIVE_2019,
    三: [applyTable(format === 2021 ? APPLY_ROWS_2021 : APPLY_ROWS_2019)],
    四: [CASES_TABLE],
    五: [],
    六: [],
  };
  return SECTION_NUMERALS.map((numeral) => ({ numeral, title: SECTION_TITLES[numeral], tables: tables[numeral] }));
}

export const cellKeyOf = (r: TemplateRow, c: TemplateColumn): string => (r.key === '' ? c.key : `${r.key}.${c.key}`);

function defineCells(sections: readonly TemplateSection[]): readonly CellDefinition[] {
  const out: CellDefinition[] = [];
  for (const s of sections)
    for (const t of s.tables)
      for (const r of t.rows)
        for (const c of t.columns) {
          const d: CellDefinition = {
            key: cellKeyOf(r, c),
            section: s.numeral,
            tableId: t.id,
            rowKey: r.key,
            rowLabel: r.label,
            rowShort: r.short,
            columnKey: c.key,
            columnLabel: c.label,
            kind: c.kind ?? 'count',
          };
          if (t.block !== undefined) d.block = t.block;
          if (r.group !== undefined) d.group = r.group;
          if (r.subgroup !== undefined) d.subgroup = r.subgroup;
          if (c.group !== undefined) d.columnGroup = c.group;
          out.push(d);
        }
  return out;
}

const SECTIONS = { 2021: buildSections(2021), 2019: buildSections(2019) } as const;
const CELLS = { 2021: defineCells(SECTIONS[2021]), 2019: defineCells(SECTIONS[2019]) } as const;

/** Subtotal rows not printed by the format but derivable (and printed by some reports). */
export const DERIVED_CELLS: readonly CellDefinition[] = [
  ...RESULT_GROUPS.flatMap((g) =>
    APPLICANT_COLUMNS.map((c) => ({
      key: `${g.key}.sum.${c.key}`,
      section: '三' as const,
      tableId: 'apply',
      rowKey: `${g.key}.sum`,
      rowLabel: `${g.label}（小计）`,
      rowShort: `${g.short}小计`,
      group: RESULT,
      columnKey: c.key,
      columnLabel: c.label,
      kind: 'count' as const,
    })),
  ),
  ...APPLY_ROWS_2021.map((r) => ({
    key: `${r.key}.org_sum`,
    section: '三' as const,
    tableId: 'apply',
    rowKey: r.key,
    rowLabel: r.label,
    rowShort: r.short,
    columnKey: 'org_sum',
    columnLabel: '法人或其他组织（小计）',
    kind: 'count' as const,
  })),
];

/** The six parts of the report in order, with the tables of each, for a form to render. */
export function reportTemplate(format: ReportFormat): readonly TemplateSection[] {
  return SECTIONS[format];
}

/** Every cell a report of this format has to fill, in form order. */
export function templateCells(format: ReportFormat): readonly CellDefinition[] {
  return CELLS[format];
}

const KEYS = { 2021: CELLS[2021].map((d) => d.key), 2019: CELLS[2019].map((d) => d.key) } as const;
/**
 * Keys of a stored report of this format. For 2019 the three 2021 (六) sub-rows are present as null
 * (spec §4: the single (六) row maps to apply.result.other.sum.<col>, the sub-row keys stay null).
 */
const REPORT_KEYS = {
  2021: KEYS[2021],
  2019: [...KEYS[2019], ...OTHER_SUBROW_KEYS.flatMap((r) => APPLICANT_COLUMN_KEYS.map((c) => `${r}.${c}`))],
} as const;

export function templateCellKeys(format: ReportFormat): readonly string[] {
  return KEYS[format];
}
export function reportCellKeys(format: ReportFormat): readonly string[] {
  return REPORT_KEYS[format];
}

const BY_KEY = new Map<string, CellDefinition>();
for (const d of [...CELLS[2019], ...DERIVED_CELLS, ...CELLS[2021]]) BY_KEY.set(d.key, d);

/** Definition of any known key (both formats and the derived subtotals), or undefined. */
export function findCellDefinition(key: string): CellDefinition | undefined {
  return BY_KEY.get(key);
}

/** "予以公开·自然人", "行政复议·结果维持", "规章·本年制发件数" — how messages name a cell. */
export function describeCell(key: string): string {
  const d = BY_KEY.get(key);
  if (!d) return key;
  if (d.rowShort === '') return `${d.columnGroup ?? ''}·${d.columnLabel}`;
  return `${d.rowShort}·${d.columnLabel}`;
}

/** Empty cells (all null) of a stored report of this format. */
const EMPTY = {
  2021: Object.fromEntries(REPORT_KEYS[2021].map((k) => [k, null])) as Record<string, number | null>,
  2019: Object.fromEntries(REPORT_KEYS[2019].map((k) => [k, null])) as Record<string, number | null>,
};
export function emptyReportCells(format: ReportFormat): Record<string, number | null> {
  return { ...EMPTY[format] };
}
