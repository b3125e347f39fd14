// The three tables (二 主动公开, 三 依申请, 四 复议诉讼) from their tokens. A row is found by its label's
// signature — a distinctive phrase, matched on the Chinese characters only, so wrapped, vertical,
// spaced-out or split labels still match — and owns the values that follow it up to the next label.
import { APPLICANT_COLUMN_KEYS, CASE_GROUPS, CASE_OUTCOME_KEYS, RESULT_GROUPS } from '@kaoping/domain/annual-report/template';
import { rowCandidates, solveTable } from './resolve-cells';
import type { Candidate, CellReading, CrossRowConstraint, RowLayout, SolvedRow, ValueToken } from './resolve-cells';
import type { Token } from './tokenize';

export type TextToken = Extract<Token, { kind: 'text' }>;

interface RowSpec {
  /** Row key prefix (apply.new, active.rules…); '' for the single row of 四. */
  key: string;
  signatures: readonly string[];
  /** Group label rows (（三）不予公开…) only carry values when a report prints a subtotal. */
  role: 'row' | 'group' | 'heading';
}

export interface RowRead {
  key: string;
  values: ValueToken[];
  line: number;
  label: string;
}

export interface TableRead {
  /** Full cell key → reading. */
  cells: Map<string, CellReading>;
  /** Row keys found in the source. */
  rows: Set<string>;
  notes: string[];
}

// ─── Signatures ───────────────────────────────────────────────────────────────────

const r = (key: string, ...signatures: string[]): RowSpec => ({ key, signatures, role: 'row' });
const APPLY_SPECS: readonly RowSpec[] = [
  r('apply.new', '本年新收'),
  r('apply.carried_in', '上年结转'),
  { key: 'apply.result', signatures: ['本年度办理结果'], role: 'heading' },
  r('apply.result.granted', '予以公开'),
  r('apply.result.partial', '部分公开'),
  { key: 'apply.result.deny.sum', signatures: ['不予公开'], role: 'group' },
  r('apply.result.deny.state_secret', '国家秘密'),
  r('apply.result.deny.law_prohibited', '法律行政法规禁止', '其他法律行政法规'),
  r('apply.result.deny.security_stability', '三安全一稳定', '危及三安全'),
  r('apply.result.deny.third_party', '第三方合法权益', '保护第三方'),
  r('apply.result.deny.internal_affairs', '内部事务'),
  r('apply.result.deny.process_info', '过程性信息'),
  r('apply.result.deny.enforcement_file', '执法案卷'),
  r('apply.result.deny.admin_query', '行政查询'),
  { key: 'apply.result.unable.sum', signatures: ['无法提供'], role: 'group' },
  r('apply.result.unable.not_held', '不掌握'),
  r('apply.result.unable.needs_creation', '另行制作', '没有现成信息'),
  r('apply.result.unable.unclear', '仍不明确', '补正后申请内容'),
  { key: 'apply.result.not_processed.sum', signatures: ['不予处理'], role: 'group' },
  r('apply.result.not_processed.complaint', '信访举报投诉', '信访举报', '投诉类申请'),
  r('apply.result.not_processed.duplicate', '重复申请'),
  r('apply.result.not_processed.publication', '公开出版物'),
  r('apply.result.not_processed.excessive', '大量反复'),
  r('apply.result.not_processed.reconfirm', '重新出具', '确认或重新'),
  { key: 'apply.result.other.sum', signatures: ['其他处理'], role: 'group' },
  r('apply.result.other.no_correction', '逾期不补正'),
  r('apply.result.other.fee_unpaid', '收费通知', '缴纳费用'),
  r('apply.result.other.misc'), // "3.其他": matched by position, see matchRow
  r('apply.result.total', '七总计'), // and a bare "总计" after result rows
  r('apply.carried_out', '结转下年度', '下年度继续办理'),
];

const ACTIVE_SPECS: readonly RowSpec[] = [
  r('rules', '规章'),
  r('normative', '规范性文件'),
  r('licensing', '行政许可'),
  r('other_services', '对外管理服务'),
  r('punishment', '行政处罚'),
  r('coercion', '行政强制'),
  r('fees', '事业性收费'),
  r('procurement', '集中采购', '政府采购'),
];

const MAX_LABEL_CHARS = 300;

/** The row whose signature ends last in the label text before the values (the nearest label). */
function matchRow(labels: readonly TextToken[], specs: readonly RowSpec[], previous: string | null): RowSpec | null {
  const text = labels
    .map((t) => t.compact)
    .join('')
    .slice(-MAX_LABEL_CHARS);
  const last = labels[labels.length - 1]?.compact ?? '';
  let best: RowSpec | null = null;
  let bestEnd = -1;
  let bestLen = 0;
  for (const spec of specs)
    for (const sig of spec.signatures) {
      const at = text.lastIndexOf(sig);
      if (at < 0) continue;
      const end = at + sig.length;
      if (end > bestEnd || (end === bestEnd && sig.length > bestLen)) {
        best = spec;
        bestEnd = end;
        bestLen = sig.length;
      }
    }
  // "3.其他" under （六）其他处理, and a bare "总计" closing the result rows.
  const inOther = previous !== null && (previous.startsWith('apply.result.other.') || text.endsWith('其他处理其他'));
  if ((last === '其他' || last === '其它') && inOther) return specs.find((s) => s.key === 'apply.result.other.misc') ?? best;
  if (last === '总计' && previous !== null && previous.startsWith('apply.result.') && previous !== 'apply.result.total')
    return specs.find((s) => s.key === 'apply.result.total') ?? best;
  return best;
}

/** The row specs whose signatures appear in `labels`, in the order they appear (groups and headings left out). */
function rowsNamedIn(labels: readonly TextToken[], specs: readonly RowSpec[]): RowSpec[] {
  const text = labels.map((t) => t.compact).join('');
  const found: { spec: RowSpec; at: number }[] = [];
  for (const spec of specs) {
    if (spec.role !== 'row') continue;
    let at = -1;
    for (const sig of spec.signatures) {
      const i = text.indexOf(sig);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at >= 0) found.push({ spec, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.spec);
}

/**
 * Splits tokens into rows: each matched label owns the values up to the next label. When several
 * row labels stand together before one run of values (labels above, numbers below, as PDF text
 * puts them), the run is shared out in the labels' order if it has exactly their columns; otherwise
 * the last label keeps the run and the earlier rows are present but unreadable (unresolved).
 */
function assembleRows(
  tokens: readonly Token[],
  specs: readonly RowSpec[],
  widthOf: (key: string) => number,
  stop: (t: TextToken) => boolean,
  notes: string[],
): RowRead[] {
  const rows: RowRead[] = [];
  let labels: TextToken[] = [];
  let current: RowRead | null = null;
  let previous: string | null = null;
  let unplaced: ValueToken[] = [];
  /** Rows named together before `current`'s values, waiting for the run to end. */
  let stacked: RowRead[] = [];
  const flushUnplaced = () => {
    if (unplaced.length === 0) return;
    const first = unplaced[0];
    notes.push(
      `第 ${first?.line ?? '?'} 行: ${unplaced.length} 个数字无法归入任何一行(${unplaced.map((t) => (t.kind === 'num' ? t.raw : t.kind === 'bad' ? t.raw : '空')).join(' ')}), 已忽略`,
    );
    unplaced = [];
  };
  const settleStacked = () => {
    if (stacked.length === 0 || !current) return;
    const all = [...stacked, current];
    const widths = all.map((r) => widthOf(r.key));
    const values = current.values;
    if (values.length === widths.reduce((a, b) => a + b, 0)) {
      let at = 0;
      all.forEach((r, i) => {
        r.values = values.slice(at, at + (widths[i] ?? 0));
        at += widths[i] ?? 0;
      });
      notes.push(`第 ${current.line} 行: ${all.length} 行的标题在上、数字在下, 已按行序分配这 ${values.length} 个数字`);
    } else {
      for (const r of stacked) {
        r.values = [{ kind: 'bad', raw: '?', line: r.line }];
        notes.push(`第 ${r.line} 行“${r.label}”: 标题后没有数字, 其数字可能与下一行写在一起, 无法确定`);
      }
    }
    stacked = [];
  };
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (stop(t)) break;
      labels.push(t);
      continue;
    }
    if (labels.length > 0) {
      const spec = matchRow(labels, specs, previous);
      const label = labels.map((l) => l.text).join('');
      if (spec && spec.role !== 'heading') {
        flushUnplaced();
        settleStacked();
        // Earlier rows named in the same stretch of labels, not yet found, in the template's order.
        const named = rowsNamedIn(labels, specs);
        const before = named.slice(0, Math.max(0, named.indexOf(spec))).filter((s) => !rows.some((r) => r.key === s.key));
        stacked = before.map((s) => ({ key: s.key, values: [], line: t.line, label: s.signatures[0] ?? s.key }));
        rows.push(...stacked);
        current = { key: spec.key, values: [], line: t.line, label: label.slice(-40) };
        rows.push(current);
        previous = spec.key;
      } else if (current && current.values.length < widthOf(current.key)) {
        notes.push(`第 ${labels[0]?.line ?? t.line} 行: 表格中的文字“${label.slice(0, 30)}”不是行标题, 已跳过`);
      } else {
        settleStacked();
        current = null;
      }
      labels = [];
    }
    if (current) current.values.push(t);
    else unplaced.push(t);
  }
  settleStacked();
  flushUnplaced();
  return rows;
}

// ─── Layouts and constraints ──────────────────────────────────────────────────────

const APPLY_LAYOUT: RowLayout = { width: 7, groups: [{ sum: 6, parts: [0, 1, 2, 3, 4, 5] }] };
const CASES_LAYOUT: RowLayout = {
  width: 15,
  groups: [
    { sum: 4, parts: [0, 1, 2, 3] },
    { sum: 9, parts: [5, 6, 7, 8] },
    { sum: 14, parts: [10, 11, 12, 13] },
  ],
};

function describeProblem(row: RowRead, problem: string, width: number): string {
  const where = `第 ${row.line} 行“${row.label}”`;
  if (problem === 'too_many_values') return `${where}: 读到 ${row.values.length} 个数, 该行只有 ${width} 列, 无法确定各列的值`;
  if (problem === 'too_many_readings') return `${where}: 数字连写或缺少分隔, 可能的读法太多, 无法确定各列的值`;
  return `${where}: ${problem}`;
}

/** Reads each row into candidates; a row found twice with different values is unreadable. */
function candidatesOf(rows: readonly RowRead[], layoutOf: (key: string) => RowLayout, notes: string[]): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  const seen = new Map<string, string>();
  for (const row of rows) {
    const layout = layoutOf(row.key);
    const signature = row.values.map((v) => (v.kind === 'num' ? v.raw : v.kind)).join(' ');
    const earlier = seen.get(row.key);
    if (earlier !== undefined) {
      if (earlier !== signature) {
        notes.push(`第 ${row.line} 行“${row.label}”: 这一行出现了两次且数字不同, 无法确定`);
        out.set(row.key, []);
      }
      continue;
    }
    seen.set(row.key, signature);
    const { candidates, problem } = rowCandidates(row.values, layout, row.line);
    if (problem) notes.push(describeProblem(row, problem, layout.width));
    out.set(row.key, candidates);
  }
  return out;
}

function collect(
  solved: ReadonlyMap<string, SolvedRow>,
  rows: readonly RowRead[],
  columnsOf: (key: string) => readonly string[],
  notes: string[],
): TableRead {
  const cells = new Map<string, CellReading>();
  const found = new Set<string>();
  for (const [key, row] of solved) {
    found.add(key);
    const columns = columnsOf(key);
    row.cells.forEach((cell, i) => {
      const column = columns[i];
      if (column !== undefined) cells.set(column, cell);
    });
    if (row.ambiguous) {
      const read = rows.find((x) => x.key === key);
      if (read) notes.push(`第 ${read.line} 行“${read.label}”: 有多种读法都满足勾稽关系, 无法确定的单元格已留空并列入 unresolved`);
    }
  }
  return { cells, rows: found, notes };
}

// ─── 三、收到和处理政府信息公开申请情况 ──────────────────────────────────────────────

const APPLY_STOP = (t: TextToken) => /行政复议|行政诉讼|结果维持|结果纠正|尚未审结/.test(t.compact);

/** Leaves of each result group found, or the group's own row when it has no leaves (2019 (六)). */
function applyConstraints(found: ReadonlySet<string>): CrossRowConstraint[] {
  const out: CrossRowConstraint[] = [];
  const resultRows: string[] = ['apply.result.granted', 'apply.result.partial'];
  for (const g of RESULT_GROUPS) {
    const leaves = APPLY_SPECS.filter((s) => s.role === 'row' && s.key.startsWith(`${g.key}.`)).map((s) => s.key);
    const sum = `${g.key}.sum`;
    const leavesFound = leaves.filter((k) => found.has(k));
    if (leavesFound.length === 0 && found.has(sum)) resultRows.push(sum);
    else resultRows.push(...leaves);
    if (leavesFound.length > 0 && found.has(sum))
      for (let c = 0; c < 7; c++) out.push({ lhs: [[sum, c]], rhs: leaves.map((k) => [k, c] as const) });
  }
  for (let c = 0; c < 7; c++) {
    out.push({
      lhs: [
        ['apply.new', c],
        ['apply.carried_in', c],
      ],
      rhs: [
        ['apply.result.total', c],
        ['apply.carried_out', c],
      ],
    });
    out.push({ lhs: [['apply.result.total', c]], rhs: resultRows.map((k) => [k, c] as const) });
  }
  return out;
}

export function readApplyTable(tokens: readonly Token[]): TableRead {
  const notes: string[] = [];
  const rows = assembleRows(tokens, APPLY_SPECS, () => 7, APPLY_STOP, notes);
  const candidates = candidatesOf(rows, () => APPLY_LAYOUT, notes);
  const solved = solveTable(candidates, applyConstraints(new Set(candidates.keys())), 7);
  return collect(solved, rows, (key) => APPLICANT_COLUMN_KEYS.map((c) => `${key}.${c}`), notes);
}

// ─── 四、政府信息公开行政复议、行政诉讼情况 ────────────────────────────────────────

const CASE_KEYS = CASE_GROUPS.flatMap((g) => CASE_OUTCOME_KEYS.map((o) => `${g.key}.${o}`));

/** 四 has one data row without a label: the values after the header, up to the next prose. */
export function readCasesTable(tokens: readonly Token[]): TableRead {
  const notes: string[] = [];
  const values: ValueToken[] = [];
  for (const t of tokens) {
    if (t.kind !== 'text') values.push(t);
    else if (values.length > 0 && t.compact.length > 15) break;
  }
  if (values.length === 0) return { cells: new Map(), rows: new Set(), notes };
  const row: RowRead = { key: 'cases', values, line: values[0]?.line ?? 0, label: '行政复议、行政诉讼' };
  const candidates = candidatesOf([row], () => CASES_LAYOUT, notes);
  const solved = solveTable(candidates, [], 15);
  return collect(solved, [row], () => CASE_KEYS, notes);
}

// ─── 二、主动公开政府信息情况 ──────────────────────────────────────────────────────

export type ActiveFormat = 2021 | 2019;

const ACTIVE_COLUMNS: Record<ActiveFormat, Record<string, readonly string[]>> = {
  2021: {
    rules: ['issued', 'repealed', 'in_force'],
    normative: ['issued', 'repealed', 'in_force'],
    licensing: ['decisions'],
    punishment: ['decisions'],
    coercion: ['decisions'],
    fees: ['amount_wan'],
  },
  2019: {
    rules: ['new_made', 'new_published', 'total_published'],
    normative: ['new_made', 'new_published', 'total_published'],
    licensing: ['prev_items', 'delta', 'decisions'],
    other_services: ['prev_items', 'delta', 'decisions'],
    punishment: ['prev_items', 'delta', 'decisions'],
    coercion: ['prev_items', 'delta', 'decisions'],
    fees: ['prev_items', 'delta'],
    procurement: ['items', 'amount'],
  },
};

/** Format told by the headers of 二 (spec §4), or null when they say nothing. */
export function detectActiveFormat(tokens: readonly Token[]): ActiveFormat | null {
  const text = tokens.map((t) => (t.kind === 'text' ? t.compact : '')).join('');
  // Partial words too: header cells are often cut ("本年新 | 本年新", "本年增/").
  if (/本年制发|本年废止|现行有效|本年处理决定|本年收费金额/.test(text)) return 2021;
  if (/本年新制作|本年新公开|对外公开总|上一年项目|本年增|第二十条第九项|对外管理服务|集中采购/.test(text)) return 2019;
  return null;
}

export interface ActiveRead extends TableRead {
  /** The fee was written in 元 (a unit after the number, or the header says 单位:元). */
  feeInYuan: boolean;
  /** Values per row, to tell the format from the shape when the headers are gone. */
  widths: Map<string, number>;
}

const ACTIVE_STOP = (t: TextToken) => /本年新收|申请人情况|勾稽关系|收到和处理/.test(t.compact);

export function readActiveTable(tokens: readonly Token[], format: ActiveFormat): ActiveRead {
  const notes: string[] = [];
  const columns = ACTIVE_COLUMNS[format];
  const specs = ACTIVE_SPECS.filter((s) => s.key in columns);
  const widthOf = (key: string) => columns[key]?.length ?? 1;
  const rows = assembleRows(tokens, specs, widthOf, ACTIVE_STOP, notes);
  const candidates = candidatesOf(rows, (key) => ({ width: widthOf(key), groups: [] }), notes);
  const solved = new Map<string, SolvedRow>();
  for (const [key, cands] of candidates) {
    const one = solveTable(new Map([[key, cands]]), [], widthOf(key)).get(key);
    if (one) solved.set(key, one);
  }
  const prefix = format === 2021 ? 'active' : 'active2019';
  const read = collect(solved, rows, (key) => (columns[key] ?? []).map((c) => `${prefix}.${key}.${c}`), notes);
  const header = tokens.map((t) => (t.kind === 'text' ? t.compact : '')).join('');
  const feeRow = rows.find((x) => x.key === 'fees');
  const feeInYuan =
    (/单位元/.test(header) && !/单位万元/.test(header)) || (feeRow?.values.some((v) => v.kind === 'num' && v.unit === '元') ?? false);
  return { ...read, feeInYuan, widths: new Map(rows.map((x) => [x.key, x.values.length])) };
}
