// A 考核细则 read into tables → a proposed scheme (spec scoring.md §1). Layouts understood:
//   序号 | 一级指标 | 二级指标 | (三级指标) | 考核内容/评分标准 | 分值 | 评分方法/说明
// parents as merged cells (or repeated text), parent points in the name ("健康情况(15)") or on a
// row of their own (序号 一、二、…), leaf points in the 分值/权重 column as "10分" or "10" (or in
// the leaf's name when there is no such column), rows sharing one merged indicator become its
// children named by their content, an optional total row (合计/总分), and one table (sheet) per
// group. Points that do not add up refuse the whole file with row-level Chinese errors.
import { formatSchemeIssues, schemeSchema, type IndicatorNode, type Scheme } from '@kaoping/contracts/scoring/scheme';
import type { RuleInference, SchemeProposal, SchemeRowError } from '@kaoping/contracts/scoring/scheme-proposal';
import { compileScheme } from '@kaoping/domain/scoring/compile-scheme';
import { formatMilli, numberToMilli } from '@kaoping/domain/scoring/decimal';
import { inferRule, type Inferred } from './infer-rule';
import { sharesOfParent } from './percent-shares';
import type { SchemeSource, SourceTable, TableCell } from './scheme-table';

type Role = 'seq' | 'level' | 'points' | 'content' | 'method' | 'group';

const CONTENT_HEADER = /考核内容|考评内容|评估要点|考察点|评估内容|考核要点|测评内容|内容|^评估点$/;

const HEADER: readonly [Role, RegExp][] = [
  ['seq', /^(序号|编号|序)$/],
  // Which units a row applies to: 县区 / 市直部门 / 乡镇, or a department's name.
  ['group', /^(责任单位|适用对象|考核对象|适用单位|责任部门|考核单位|被考核单位)$/],
  ['points', /^(分值|权重|分数|标准分|满分|各项分值|指标分值|权重分值|分值\(分\)|分值（分）|权重\(%\)|权重（%）|分值\/权重)$/],
  ['method', /评分标准|评分细则|评分方法|扣分细则|扣分标准|计分方法|计分办法|评分办法|考核标准|评分说明|^说明$|^备注$|考评方法|考核方法/],
  ['content', CONTENT_HEADER],
  ['level', /[一二三四五六]级指标|考核项目|考评项目|评估项目|测评项目|考核指标|指标名称|^类别$|^项目$|^指标$|评分大类|评分小类/],
];

const TOTAL_ROW = /^(合计|总计|总分|满分|小计合计)/;
const SECTION_SEQ = /^[一二三四五六七八九十]+[、.．]?$/;
const EMBEDDED_POINTS = /^(.*?)\s*[（(]\s*(?:权重|分值|计|共)?\s*(\d+(?:\.\d+)?)\s*(分|%|％)?\s*[）)]\s*$/;
/** "栏目更新(0-5分)" / "(最高5分)" in a name: the maximum is the points. */
const EMBEDDED_RANGE = /^(.*?)\s*[（(]\s*(?:\d+(?:\.\d+)?\s*分?\s*[-－~～至到—–]+|最高|不超过)\s*(\d+(?:\.\d+)?)\s*分\s*[）)]\s*$/;
/** The leaf's points stated in its 评分标准 when the points cell is empty: 满分10分 / 最高得10分 / 10分为满分. */
const POINTS_IN_WORDING =
  /满分(?:为)?\s*(\d+(?:\.\d+)?)\s*分|最高(?:可)?得\s*(\d+(?:\.\d+)?)\s*分|(\d+(?:\.\d+)?)\s*分为满分|本项\s*(\d+(?:\.\d+)?)\s*分/;
const POINTS = /^(\d+(?:\.\d+)?)\s*分?$/;
const PERCENT = /^(?:权重)?(\d+(?:\.\d+)?)[%％]$/;
const RANGE = /^(\d+(?:\.\d+)?)分?[-－~～至到—–]+(\d+(?:\.\d+)?)分?$/;
const UP_TO = /^(?:最高|最多|不超过|上限|满分)为?(\d+(?:\.\d+)?)分?$/;
const WITH_WORDING = /^(\d+(?:\.\d+)?)分?[(（,，;；:：](.+?)[)）]?$/;
const MAX_NAME = 200;

interface Columns {
  headerIndex: number;
  seq: number | null;
  levels: number[];
  /** The row's points; with a weight column per level, the weight of the 评估点/内容 column. */
  points: number | null;
  content: number | null;
  method: number | null;
  group: number | null;
  /** A weight column right after a level column (一级指标 | 权重 | 二级指标 | 权重 …): level column → its weight. */
  levelPoints: Map<number, number>;
}

/** Points as written: a number of points, or a percentage still to be turned into points. */
interface Amount {
  value: number;
  percent: boolean;
}

interface Label {
  name: string;
  declared: Amount | null;
}

interface Entry {
  row: number;
  path: Label[];
  points: Amount | null;
  /** Scoring wording written in the points cell ("每项1分", "扣完为止"), read with the 评分标准. */
  pointsWording: string;
  /** With per-level weights: the 评估点's own weight, used when several rows share one indicator. */
  contentPoints: Amount | null;
  content: string;
  method: string;
  groups: string[];
}

interface Node {
  name: string;
  row: number;
  /** A parent's stated points (or percentage) from its name, section row or weight column. */
  declared: Amount | null;
  declaredRow: number;
  /** A leaf's points as written; a parent's once summed. */
  amount: Amount | null;
  points: number | null;
  text: string;
  /** How the points were worked out when not written as points ("权重 30% × 上级 40 分"). */
  pointsNote: string;
  children: Node[];
  inferred: Inferred | null;
  appliesTo: string[] | null;
}

interface TableResult {
  table: SourceTable;
  /** The group this result is for, when one table holds several (责任单位 column, department blocks). */
  group: string | null;
  roots: Node[];
  rows: number;
  extras: Extras;
}

/** Rows outside the 100 points: 一票否决, 加分项, 重大扣分项 (level-1 names saying so). */
interface Extras {
  vetoes: { name: string; row: number; capTo: number | null }[];
  bonus: { name: string; points: number; row: number }[];
  bonusCap: number | null;
  bonusGate: number | null;
  major: { name: string; points: number; row: number }[];
}

const EXTRA_KIND: readonly [keyof Omit<Extras, 'bonusCap' | 'bonusGate'>, RegExp][] = [
  ['vetoes', /否决/],
  ['bonus', /加分/],
  ['major', /重大扣分|扣分项|倒扣/],
];

function roleOf(text: string): Role | null {
  const t = text.replace(/\s+/g, '');
  if (t === '') return null;
  for (const [role, pattern] of HEADER) if (pattern.test(t)) return role;
  return null;
}

function findColumns(table: SourceTable): Columns | null {
  for (let i = 0; i < Math.min(table.rows.length, 12); i++) {
    const row = table.rows[i];
    if (!row) continue;
    const roles = row.cells.map((c) => roleOf(c.text));
    const levels: number[] = [];
    const pointsColumns: number[] = [];
    let seq: number | null = null;
    let content: number | null = null;
    const methods: number[] = [];
    let group: number | null = null;
    roles.forEach((role, c) => {
      if (role === 'level') levels.push(c);
      else if (role === 'seq') seq ??= c;
      else if (role === 'points') pointsColumns.push(c);
      else if (role === 'content') content ??= c;
      else if (role === 'method') methods.push(c);
      else if (role === 'group') group ??= c;
    });
    // 考核内容/评分标准 names both: beside a column that is only the 评分方法/说明, it holds the content.
    const namesContent = (c: number) => CONTENT_HEADER.test((row.cells[c]?.text ?? '').replace(/\s+/g, ''));
    const onlyMethod = methods.find((c) => !namesContent(c));
    const method = onlyMethod ?? methods[0] ?? null;
    if (content === null && onlyMethod !== undefined) content = methods.find((c) => namesContent(c)) ?? null;
    // 一级指标 | 权重 | 二级指标 | 权重 …: each level has its own weight column.
    const levelPoints = new Map<number, number>();
    if (pointsColumns.length >= 2) for (const p of pointsColumns) if (levels.includes(p - 1)) levelPoints.set(p - 1, p);
    if (levelPoints.size < 2) levelPoints.clear();
    const owned = new Set(levelPoints.values());
    const points = levelPoints.size > 0 ? (pointsColumns.find((p) => !owned.has(p)) ?? null) : (pointsColumns[0] ?? null);
    // A header names at least one indicator column and points or content.
    if (levels.length > 0 && (points !== null || levelPoints.size > 0 || content !== null || method !== null))
      return { headerIndex: i, seq, levels, points, content, method, group, levelPoints };
  }
  return null;
}

const milli = (n: number) => numberToMilli(n);
const show = (m: number) => formatMilli(m);

interface ParsedPoints extends Amount {
  wording: string;
  note: string | null;
}

/** A points cell: `10`, `10分`, `20%`, `权重20%`, `0-5分`, `最高10分`, `5分(每项1分)`, `10分,扣完为止`. */
function parsePoints(text: string): ParsedPoints | null | 'bad' {
  const t = text.replace(/\s+/g, '');
  if (t === '' || t === '—' || t === '-' || t === '/') return null;
  const ok = (value: number, rest: Partial<ParsedPoints> = {}): ParsedPoints | 'bad' =>
    milli(value) === null ? 'bad' : { value, percent: false, wording: '', note: null, ...rest };
  let m = POINTS.exec(t);
  if (m?.[1]) return ok(Number(m[1]));
  m = PERCENT.exec(t);
  if (m?.[1]) return ok(Number(m[1]), { percent: true });
  m = RANGE.exec(t);
  if (m?.[1] && m[2] && Number(m[1]) < Number(m[2]))
    return ok(Number(m[2]), { note: `分值“${text}”是区间,按最高 ${m[2]} 分计(评分时在区间内酌情给分)`, wording: `${m[1]}-${m[2]}分` });
  m = UP_TO.exec(t);
  if (m?.[1]) return ok(Number(m[1]), { note: `分值“${text}”按最高 ${m[1]} 分计`, wording: t });
  m = WITH_WORDING.exec(t);
  if (m?.[1] && m[2] && !/^\d/.test(m[2])) return ok(Number(m[1]), { wording: m[2] });
  return 'bad';
}

function label(text: string): Label {
  const m = EMBEDDED_POINTS.exec(text);
  if (m?.[1] && m[2] && milli(Number(m[2])) !== null) {
    const percent = m[3] === '%' || m[3] === '％';
    // "(20%)" alone is a weight only when written with % ("健康情况(15)" stays points).
    return { name: m[1].trim().slice(0, MAX_NAME), declared: { value: Number(m[2]), percent } };
  }
  const r = EMBEDDED_RANGE.exec(text);
  if (r?.[1] && r[2] && milli(Number(r[2])) !== null)
    return { name: r[1].trim().slice(0, MAX_NAME), declared: { value: Number(r[2]), percent: false } };
  return { name: text.slice(0, MAX_NAME), declared: null };
}

/** A leaf named by its content: the first clause, without numbering, at most 40 characters. */
function shortName(text: string, row: number): string {
  const first =
    text
      .replace(/^\s*(?:\d+[.、．]|[(（]\d+[)）])\s*/, '')
      .split(/[，,；;。:：(（]/)[0]
      ?.trim() ?? '';
  if (first === '') return `第${row}行`;
  return first.length > 40 ? `${first.slice(0, 40)}…` : first;
}

const cellText = (cells: TableCell[], c: number | null) => (c === null ? '' : (cells[c]?.text ?? ''));
const sameAmount = (a: Amount, b: Amount) => a.percent === b.percent && milli(a.value) === milli(b.value);
const showAmount = (a: Amount) => (a.percent ? `${a.value}%` : `${a.value} 分`);
/** Group names in a 责任单位/适用对象 cell: "县区、市直部门" → two; 全部/所有 → every group. */
const groupsIn = (text: string): string[] =>
  /^(全部|所有|全体|各单位|通用)/.test(text)
    ? []
    : text
        .split(/[、,，;；/／\s]+/)
        .map((g) => g.trim())
        .filter(Boolean);

/**
 * An empty level cell under a filled one, where the row names a deeper level: the same indicator
 * continued (a .doc loses its vertical merges, and some offices leave the repeated name out).
 */
function fillDown(cells: TableCell[], columns: Columns, previous: TableCell[] | null): TableCell[] {
  if (!previous) return cells;
  const out = [...cells];
  // A row with no indicator name at all but with content or points continues the one above (every
  // level merged down); a row naming a deeper level continues the levels above it.
  const levelsEmpty = columns.levels.every((c) => (out[c]?.text ?? '') === '');
  const hasBody = [columns.content, columns.method, columns.points].some((c) => c !== null && (out[c]?.text ?? '') !== '');
  const seq = columns.seq === null ? '' : (out[columns.seq]?.text ?? '');
  if (levelsEmpty && (!hasBody || SECTION_SEQ.test(seq.replace(/\s+/g, '')) || TOTAL_ROW.test(seq.replace(/\s+/g, '')))) return cells;
  columns.levels.forEach((c, k) => {
    if ((out[c]?.text ?? '') !== '') return;
    const deeper = levelsEmpty || columns.levels.slice(k + 1).some((d) => (out[d]?.text ?? '') !== '');
    const above = previous[c];
    if (deeper && above && above.text !== '') {
      out[c] = { ...above, isOrigin: false };
      const w = columns.levelPoints.get(c);
      const aboveWeight = w === undefined ? undefined : previous[w];
      if (w !== undefined && aboveWeight && (out[w]?.text ?? '') === '') out[w] = { ...aboveWeight, isOrigin: false };
    }
  });
  return out;
}

function readTable(table: SourceTable, columns: Columns, errors: SchemeRowError[], warnings: string[]): TableResult[] {
  const where = table.where;
  const entries: Entry[] = [];
  let section: Label | null = null;
  let total: { value: Amount; row: number } | null = null;
  const sections: { label: Label; row: number }[] = [];
  let dataRows = 0;
  let previous: TableCell[] | null = null;
  const headerTexts = (table.rows[columns.headerIndex]?.cells ?? []).map((c) => c.text).join('\u0001');
  for (const row of table.rows.slice(columns.headerIndex + 1)) {
    const cells = fillDown(row.cells, columns, previous);
    const texts = cells.map((c) => c.text);
    if (texts.every((t) => t === '')) continue;
    // A repeated header (tables split over pages) is skipped.
    if (texts.join('\u0001') === headerTexts) continue;
    dataRows++;
    const firstText = texts.find((t) => t !== '')?.replace(/\s+/g, '') ?? '';
    if (TOTAL_ROW.test(firstText)) {
      const pointsCell = columns.points === null ? null : parsePoints(cellText(cells, columns.points));
      const stated = texts.map((t) => /(\d+(?:\.\d+)?)\s*(分|%|％)?\s*$/.exec(t.replace(/\s+/g, ''))).find((m) => m !== null);
      const value: Amount | null =
        pointsCell !== null && pointsCell !== 'bad'
          ? pointsCell
          : stated?.[1]
            ? { value: Number(stated[1]), percent: stated[2] === '%' || stated[2] === '％' }
            : null;
      if (value === null) warnings.push(`${where} 第${row.number}行:合计行没有可识别的分值,已忽略`);
      else total = { value, row: row.number };
      // A total row closing the table: what follows is notes (说明、加分项…), not indicators.
      if (entries.length > 0) break;
      continue;
    }
    const seq = cellText(cells, columns.seq).replace(/\s+/g, '');
    const levelCells = levelPath(cells, columns.levels);
    const rawPoints = columns.points === null ? '' : cellText(cells, columns.points);
    const parsed = parsePoints(rawPoints);
    if (parsed === 'bad') {
      errors.push({ where, row: row.number, message: `分值“${rawPoints}”无法识别(应写作 10、10分、0-5分、最高10分 或 20%)` });
      continue;
    }
    if (parsed?.note) warnings.push(`${where} 第${row.number}行:${parsed.note}`);
    const levelLabels: Label[] = [];
    let weightError = false;
    for (const { text, col } of levelCells) {
      const l = label(text);
      const weightCol = columns.levelPoints.get(col);
      if (weightCol !== undefined) {
        const w = parsePoints(cellText(cells, weightCol));
        if (w === 'bad') {
          errors.push({ where, row: row.number, message: `权重“${cellText(cells, weightCol)}”无法识别(应写作 20% 或 20)` });
          weightError = true;
        } else if (w !== null) l.declared = { value: w.value, percent: w.percent };
      }
      levelLabels.push(l);
    }
    if (weightError) continue;
    if (SECTION_SEQ.test(seq) && levelLabels.length > 0) {
      const l = levelLabels[0] as Label;
      section = { name: l.name, declared: parsed ? { value: parsed.value, percent: parsed.percent } : l.declared };
      sections.push({ label: section, row: row.number });
      continue;
    }
    const content = cellText(cells, columns.content);
    const method = cellText(cells, columns.method);
    if (levelLabels.length === 0 && content === '' && parsed === null) continue;
    const path = [...levelLabels];
    if (section) path.unshift(section);
    if (path.length === 0) {
      errors.push({ where, row: row.number, message: '这一行没有指标名称' });
      continue;
    }
    let points: Amount | null = parsed ? { value: parsed.value, percent: parsed.percent } : null;
    let contentPoints: Amount | null = null;
    if (columns.levelPoints.size > 0) {
      // Per-level weights: the row's leaf is its deepest indicator, weighted in its own column.
      const leaf = path[path.length - 1] as Label;
      contentPoints = points;
      points = leaf.declared;
      path[path.length - 1] = { ...leaf, declared: null };
    }
    entries.push({
      row: row.number,
      path,
      points,
      pointsWording: parsed?.wording ?? '',
      contentPoints,
      content,
      method,
      groups: groupsIn(cellText(cells, columns.group)),
    });
    previous = cells;
  }

  // Rows sharing one (merged) indicator are its children, named by their content.
  const key = (path: Label[]) => path.map((l) => l.name).join('\u0001');
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(key(e.path), (counts.get(key(e.path)) ?? 0) + 1);
  const prefixes = new Set<string>();
  for (const e of entries) for (let i = 1; i < e.path.length; i++) prefixes.add(key(e.path.slice(0, i)));
  for (const e of entries) {
    const k = key(e.path);
    if ((counts.get(k) ?? 0) > 1 && !prefixes.has(k)) {
      if (e.contentPoints !== null) {
        // The shared indicator's weight is the parent's; each 评估点 carries its own.
        const last = e.path[e.path.length - 1] as Label;
        e.path = [...e.path.slice(0, -1), { ...last, declared: e.points }];
        e.points = e.contentPoints;
      }
      // The shared name's own points (e.g. "扶贫信息(10.5分)") belong to the parent, not to each row.
      e.path = [...e.path, { name: shortName(e.content || e.method, e.row), declared: null }];
    }
  }

  // One table, several groups: a 责任单位/适用对象 column names them; rows naming none apply to all.
  const groupNames = [...new Set(entries.flatMap((e) => e.groups))];
  if (groupNames.length > 0) {
    warnings.push(
      `${where}:“${table.rows[columns.headerIndex]?.cells[columns.group ?? 0]?.text ?? ''}”列分出 ${groupNames.length} 个分组(${groupNames.join('、')}),未写明的行适用于全部分组`,
    );
    return groupNames.map((g) => {
      const mine = entries.filter((e) => e.groups.length === 0 || e.groups.includes(g));
      const built = build(mine);
      return { table, group: g, roots: built.roots, rows: dataRows, extras: built.extras };
    });
  }
  const built = build(entries);
  if (built.blocks.length > 0) {
    warnings.push(
      `${where}:“${built.blocks[0]?.parent ?? ''}”下按单位分块(${built.blocks.map((b) => b.name).join('、')}),每块 ${built.blocks[0]?.points ?? ''} 分,按单位分组导入`,
    );
    return built.blocks.map((b) => ({ table, group: b.name, roots: b.roots, rows: dataRows, extras: b.extras }));
  }
  return [{ table, group: null, roots: built.roots, rows: dataRows, extras: built.extras }];

  function build(list: Entry[]): {
    roots: Node[];
    extras: Extras;
    blocks: { name: string; parent: string; points: string; roots: Node[]; extras: Extras }[];
  } {
    const roots: Node[] = [];
    const byKey = new Map<string, Node>();
    const setDeclared = (node: Node, value: Amount, row: number) => {
      if (node.declared !== null && !sameAmount(node.declared, value)) {
        errors.push({ where, row, message: `“${node.name}”的分值前后不一致(${showAmount(node.declared)}与 ${showAmount(value)})` });
        return;
      }
      if (node.declared === null) node.declaredRow = row;
      node.declared = value;
    };
    const ensure = (path: Label[], row: number): Node => {
      let siblings = roots;
      let node: Node | undefined;
      for (let i = 0; i < path.length; i++) {
        const l = path[i] as Label;
        const k = key(path.slice(0, i + 1));
        node = byKey.get(k);
        if (!node) {
          node = {
            name: l.name,
            row,
            declared: null,
            declaredRow: row,
            amount: null,
            points: null,
            text: '',
            pointsNote: '',
            children: [],
            inferred: null,
            appliesTo: null,
          };
          byKey.set(k, node);
          siblings.push(node);
        }
        if (i < path.length - 1 && l.declared !== null) setDeclared(node, l.declared, row);
        siblings = node.children;
      }
      return node as Node;
    };
    for (const e of list) {
      const k = key(e.path);
      if (prefixes.has(k)) {
        // A parent on a row of its own: its points are the parent's declared points.
        const node = ensure(e.path, e.row);
        if (e.points !== null) setDeclared(node, e.points, e.row);
        continue;
      }
      if (byKey.has(k)) {
        const twice = byKey.get(k);
        errors.push({ where, row: e.row, message: `指标“${e.path.map((l) => l.name).join(' / ')}”与第${twice?.row ?? '?'}行重复` });
        continue;
      }
      const node = ensure(e.path, e.row);
      const leafLabel = e.path[e.path.length - 1];
      node.amount = e.points ?? leafLabel?.declared ?? null;
      if (node.amount === null) {
        // No points cell and none in the name: the wording may say them (满分10分 / 最高得10分).
        const stated = POINTS_IN_WORDING.exec((e.method || e.content).replace(/\s+/g, ''));
        const value = stated?.slice(1).find((v) => v !== undefined);
        if (value !== undefined && milli(Number(value)) !== null) {
          node.amount = { value: Number(value), percent: false };
          warnings.push(`${where} 第${e.row}行:“${leafLabel?.name ?? ''}”的分值取自评分标准中的“${stated?.[0] ?? ''}”`);
        }
      }
      if (e.points !== null && leafLabel?.declared != null && !sameAmount(e.points, leafLabel.declared)) {
        errors.push({
          where,
          row: e.row,
          message: `“${leafLabel.name}”名称中的分值 ${showAmount(leafLabel.declared)}与分值列 ${showAmount(e.points)}不一致`,
        });
      }
      node.declared = null;
      // The rule is read from the 评分标准/说明 cell, else from the 考核内容 cell, with any wording
      // the points cell carried ("每项1分", "扣完为止").
      node.text = [e.pointsWording, e.method || e.content].filter(Boolean).join(';');
    }
    for (const s of sections)
      if (!byKey.has(s.label.name) && list === entries) errors.push({ where, row: s.row, message: `“${s.label.name}”下没有指标` });

    resolvePercents(roots, where, errors, warnings);
    const blocks = findBlocks(roots);
    if (blocks) {
      return {
        roots,
        extras: emptyExtras(),
        blocks: blocks.members.map((member) => {
          const variant = cloneWithBlock(roots, blocks.parent, blocks.via, member);
          const extras = finish(variant);
          return {
            name: member.name,
            parent: blocks.parent.name,
            points: show(milli(blocks.parent.declared?.value ?? 0) ?? 0),
            roots: variant,
            extras,
          };
        }),
      };
    }
    return { roots, extras: finish(roots), blocks: [] };
  }

  /** Extras taken out of `roots`, then points checked; returns the extras. */
  function finish(roots: Node[]): Extras {
    // Points: leaves need them; parents must equal their children's sum when they state one.
    const check = (node: Node): number | null => {
      if (node.children.length === 0) {
        if (node.amount === null) {
          errors.push({ where, row: node.row, message: `指标“${node.name}”没有分值` });
          return null;
        }
        node.points = node.amount.value;
        node.inferred = inferRule(node.text, node.points);
        return milli(node.points);
      }
      let sum = 0;
      let ok = true;
      for (const child of node.children) {
        const m = check(child);
        if (m === null) ok = false;
        else sum += m;
      }
      if (!ok) return null;
      if (node.declared !== null && !node.declared.percent) {
        const declared = milli(node.declared.value) ?? 0;
        if (declared !== sum) {
          errors.push({
            where,
            row: node.declaredRow,
            message: `“${node.name}”分值 ${show(declared)} 分,下级指标合计 ${show(sum)} 分,不一致`,
          });
          return declared;
        }
      }
      node.points = sum / 1000;
      return sum;
    };
    // 否决/加分/重大扣分 sections are not indicators: they become the scheme's vetoes, bonus items
    // and major deductions, outside the total.
    const extras = emptyExtras();
    const leavesOf = (n: Node): Node[] => (n.children.length === 0 ? [n] : n.children.flatMap(leavesOf));
    for (const root of [...roots]) {
      const kind = EXTRA_KIND.find(([, pattern]) => pattern.test(root.name))?.[0];
      if (!kind) continue;
      roots.splice(roots.indexOf(root), 1);
      const items = root.children.length === 0 ? (root.text ? [root] : []) : leavesOf(root);
      const capInName = /(?:最高|不超过|上限|最多)\s*(\d+(?:\.\d+)?)\s*分/.exec(root.name)?.[1];
      if (kind === 'bonus' && capInName !== undefined) extras.bonusCap = Number(capInName);
      const gateInName = /达到\s*(\d+(?:\.\d+)?)\s*分/.exec(root.name)?.[1];
      if (kind === 'bonus' && gateInName !== undefined) extras.bonusGate = Number(gateInName);
      if (kind === 'bonus' && root.declared !== null) extras.bonusCap = root.declared.value;
      if (kind === 'bonus' && root.children.length === 0 && root.amount !== null) extras.bonusCap = root.amount.value;
      for (const item of items) {
        const name = (item === root ? shortName(item.text, item.row) : item.name).slice(0, MAX_NAME);
        if (kind === 'vetoes') {
          const cap = /不超过\s*(\d+(?:\.\d+)?)\s*分|按\s*(\d+(?:\.\d+)?)\s*分计/.exec(item.text.replace(/\s+/g, ''));
          extras.vetoes.push({ name, row: item.row, capTo: cap ? Number(cap[1] ?? cap[2]) : null });
          continue;
        }
        const stated = new RegExp(String.raw`${kind === 'bonus' ? '加' : '扣'}\s*(\d+(?:\.\d+)?)\s*分`).exec(
          item.text.replace(/\s+/g, ''),
        )?.[1];
        const points =
          item === root
            ? stated === undefined
              ? null
              : Number(stated)
            : (item.amount?.value ?? (stated === undefined ? null : Number(stated)));
        if (points === null || milli(points) === null) {
          errors.push({ where, row: item.row, message: `“${name}”没有可识别的${kind === 'bonus' ? '加分' : '扣分'}分值` });
          continue;
        }
        extras[kind].push({ name, points, row: item.row });
      }
    }

    let sum = 0;
    let complete = true;
    for (const root of roots) {
      const m = check(root);
      if (m === null) complete = false;
      else sum += m;
    }
    if (total && complete && milli(total.value.value) !== sum) {
      errors.push({ where, row: total.row, message: `合计 ${showAmount(total.value)}与各一级指标之和 ${show(sum)} 分不一致` });
    }
    if (roots.length === 0 && dataRows > 0) errors.push({ where, row: null, message: '表格中没有读到任何指标' });
    return extras;
  }
}

const emptyExtras = (): Extras => ({ vetoes: [], bonus: [], bonusCap: null, bonusGate: null, major: [] });

/**
 * Percentages turned into points on a 100 scale. Level-1 percentages are the points themselves
 * and must add up to 100 %; below, children's percentages are shares of their parent (adding up
 * to 100 %) or, when they add up to the parent's own percentage, shares of the whole.
 */
function resolvePercents(roots: Node[], where: string, errors: SchemeRowError[], warnings: string[]): void {
  const amountOf = (n: Node) => (n.children.length === 0 ? n.amount : n.declared);
  let converted = 0;
  const level = (siblings: Node[], parent: Node | null, parentMilli: number | null, parentPercentMilli: number | null) => {
    const percent = siblings.filter((n) => amountOf(n)?.percent === true);
    if (percent.length > 0) {
      const mixed = siblings.find((n) => amountOf(n)?.percent !== true);
      const first = percent[0] as Node;
      const sum = percent.reduce((s, n) => s + (milli(amountOf(n)?.value ?? 0) ?? 0), 0);
      let share: 'whole' | 'parent' | null = null;
      if (mixed) {
        errors.push({
          where,
          row: mixed.row,
          message: `${parent ? `“${parent.name}”的下级指标` : '一级指标'}有的写百分比、有的写分值(“${mixed.name}”),无法换算`,
        });
      } else if (parent === null) {
        if (sum === 100_000) share = 'whole';
        else errors.push({ where, row: first.row, message: `一级指标权重合计 ${show(sum)}%,应为 100%` });
      } else if (sum === 100_000 && parentMilli !== null) share = 'parent';
      else if (parentPercentMilli !== null && sum === parentPercentMilli) share = 'whole';
      else if (parentMilli === null)
        errors.push({ where, row: first.row, message: `“${parent.name}”没有分值,下级指标的百分比无法换算为分值` });
      else
        errors.push({
          where,
          row: first.row,
          message: `“${parent.name}”的下级指标权重合计 ${show(sum)}%,应为 100%(占上级的比例)${parentPercentMilli !== null ? `或 ${show(parentPercentMilli)}%(占总分的比例)` : ''}`,
        });
      if (share) {
        const pcts = percent.map((n) => milli(amountOf(n)?.value ?? 0) ?? 0);
        // Shares of the parent in thousandths, adding up to it exactly (rounding spread by largest remainder).
        const parts = share === 'parent' ? sharesOfParent(parentMilli ?? 0, pcts) : { shares: pcts, rounded: pcts.map(() => false) };
        percent.forEach((n, k) => {
          const a = amountOf(n) as Amount;
          const pct = pcts[k] ?? 0;
          const value = (parts.shares[k] ?? 0) / 1000;
          n.pointsNote =
            share === 'whole'
              ? `权重 ${a.value}% → ${value} 分(百分制)`
              : `权重 ${a.value}% × 上级 ${show(parentMilli ?? 0)} 分 = ${value} 分${parts.rounded[k] ? '(已取到三位小数,各项合计等于上级分值)' : ''}`;
          const resolved = { value, percent: false };
          if (n.children.length === 0) n.amount = resolved;
          else n.declared = resolved;
          n.declaredRow = n.row;
          converted++;
          level(n.children, n, milli(value), pct);
        });
      }
      // Not converted: the error above says why; the levels below would only repeat it.
      return;
    }
    for (const n of siblings) {
      const a = amountOf(n);
      level(n.children, n, a && !a.percent ? milli(a.value) : null, null);
    }
  };
  level(roots, null, null, null);
  if (converted > 0)
    warnings.push(
      `${where}:${converted} 个指标的分值由权重(百分比)换算为百分制分值(一级指标的百分比即分值,下级指标按占上级的比例换算),请核对`,
    );
}

/** Points of a subtree as written (leaves' amounts added up), or null when some are missing. */
function writtenSum(node: Node): number | null {
  if (node.children.length === 0) return node.amount && !node.amount.percent ? milli(node.amount.value) : null;
  let sum = 0;
  for (const c of node.children) {
    const m = writtenSum(c);
    if (m === null) return null;
    sum += m;
  }
  return sum;
}

/**
 * Department blocks under one parent: a parent stating P points whose children (or the children
 * of its only child, e.g. 重点考核部门) each add up to P, while together they do not — each block is
 * one department's own P points (石城县 2018 河长制 part 二: 县农粮局 60, 县水利局 60 …).
 */
function findBlocks(roots: Node[]): { parent: Node; via: Node | null; members: Node[] } | null {
  const visit = (node: Node): { parent: Node; via: Node | null; members: Node[] } | null => {
    const declared = node.declared && !node.declared.percent ? milli(node.declared.value) : null;
    if (declared !== null && node.children.length > 0) {
      const candidates: [Node | null, Node[]][] = [[null, node.children]];
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (only && only.declared === null) candidates.push([only, only.children]);
      for (const [via, members] of candidates) {
        if (members.length < 2) continue;
        const sums = members.map(writtenSum);
        if (sums.every((s) => s === declared) && declared * members.length !== declared) return { parent: node, via, members };
      }
    }
    for (const c of node.children) {
      const found = visit(c);
      if (found) return found;
    }
    return null;
  };
  for (const r of roots) {
    const found = visit(r);
    if (found) return found;
  }
  return null;
}

/** A copy of the tree where the block parent keeps only `member` (under `via` when there is one). */
function cloneWithBlock(roots: Node[], parent: Node, via: Node | null, member: Node): Node[] {
  const copy = (n: Node): Node => {
    if (n === parent) {
      const kept = via ? [{ ...copy(via), children: [copy(member)] }] : [copy(member)];
      return { ...n, children: kept };
    }
    return { ...n, children: n.children.map(copy), declared: n.declared && { ...n.declared }, amount: n.amount && { ...n.amount } };
  };
  return roots.map(copy);
}

/** The indicator names along a row, one per level column; a name merged across columns counts once. */
function levelPath(cells: TableCell[], levels: number[]): { text: string; col: number }[] {
  const out: { text: string; col: number }[] = [];
  let previous: TableCell | null = null;
  for (const c of levels) {
    const cell = cells[c];
    if (!cell || cell.text === '') continue;
    const sameMerge = previous !== null && previous.originRow === cell.originRow && previous.originCol === cell.originCol;
    if (!sameMerge && out[out.length - 1]?.text !== cell.text) out.push({ text: cell.text, col: c });
    previous = cell;
  }
  return out;
}

const signature = (node: Node): string => JSON.stringify([node.name, node.points, node.text, node.children.map(signature)]);

function groupName(table: SourceTable, index: number): string {
  const heading = table.heading.replace(/^附件\s*\d*[:：]?\s*/, '').trim();
  if (heading === '') return `分组${index + 1}`;
  const short = /(县[（(]?市[、,，]?区[)）]?|县区|市直部门|市直单位|乡镇[（(]?街道[)）]?|乡镇|街道|[A-Z]\d?类)/.exec(heading)?.[0];
  return (short ?? heading).slice(0, 60);
}

export interface ProposeOptions {
  year: number;
  /** File name, for the title when the document has none. */
  fileName?: string | undefined;
}

export function proposeScheme(source: SchemeSource, options: ProposeOptions): SchemeProposal {
  const errors: SchemeRowError[] = [];
  const warnings: string[] = [];
  const results: TableResult[] = [];
  if (source.kind === 'doc')
    warnings.push('旧版 Word 文件(.doc)的表格按单元格标记还原:合并单元格的位置是推断的,如有误读,请在 Word 中另存为 .docx 后再导入');
  for (const table of source.tables) {
    const columns = findColumns(table);
    if (!columns) {
      if (table.rows.length > 1) warnings.push(`${table.where}:没有找到表头(一级指标/二级指标/分值…),已跳过`);
      continue;
    }
    if (columns.points === null) warnings.push(`${table.where}:没有“分值”列,分值取自指标名称中的括号(如“健康情况(15)”)`);
    for (const result of readTable(table, columns, errors, warnings)) if (result.roots.length > 0 || result.rows > 0) results.push(result);
  }
  if (results.length === 0 && errors.length === 0) {
    errors.push({ where: '文件', row: null, message: '没有找到考核细则表格(表头应包含“一级指标”“二级指标”“分值”等列)' });
  }
  if (errors.length > 0) {
    // A table read once per group repeats its row errors: each is said once.
    const seen = new Set<string>();
    return { ok: false, errors: errors.filter((e) => !seen.has(JSON.stringify(e)) && seen.add(JSON.stringify(e))), warnings };
  }

  // One table = every unit; several tables = one group each (县区 / 市直部门 / 乡镇…).
  const groups =
    results.length === 1
      ? [{ code: 'ALL', name: '全部参评单位' }]
      : results.map((r, i) => ({ code: `G${i + 1}`, name: r.group ?? groupName(r.table, i) }));
  const roots: Node[] = [];
  if (results.length === 1) roots.push(...(results[0]?.roots ?? []));
  else {
    // A level-1 indicator identical in several tables is shared (appliesTo those groups); one that
    // differs is kept per group, its name carrying the group's ("部门履职(县水利局)").
    const seen = new Map<string, { node: Node; signature: string; groups: string[] }[]>();
    results.forEach((result, i) => {
      const code = groups[i]?.code ?? '';
      for (const node of result.roots) {
        const variants = seen.get(node.name) ?? [];
        const sig = signature(node);
        const same = variants.find((v) => v.signature === sig);
        if (same) same.groups.push(code);
        else {
          const variant = { node, signature: sig, groups: [code] };
          variants.push(variant);
          roots.push(node);
          node.appliesTo = variant.groups;
        }
        seen.set(node.name, variants);
      }
    });
    for (const variants of seen.values()) {
      for (const v of variants) {
        if (v.groups.length === groups.length) v.node.appliesTo = null;
        if (variants.length > 1)
          v.node.name = `${v.node.name}(${v.groups.map((g) => groups.find((x) => x.code === g)?.name ?? g).join('、')})`.slice(0, MAX_NAME);
      }
    }
    warnings.push(
      `读到 ${results.length} 个${results.some((r) => r.group !== null) ? '分组' : '表格'},按分组导入:${groups.map((g, i) => `${g.code} ${g.name}(${results[i]?.table.where ?? ''})`).join(';')};分组编码请在确认前改为本市的分组`,
    );
  }

  const inferences: RuleInference[] = [];
  const whereOf = new Map<Node, string>();
  results.forEach((r) => {
    const mark = (n: Node) => (whereOf.set(n, r.table.where), n.children.forEach(mark));
    r.roots.forEach(mark);
  });
  const toIndicator = (node: Node, code: string): IndicatorNode => {
    const out: IndicatorNode = { code, name: node.name, points: node.points ?? 0 };
    if (node.appliesTo) out.appliesTo = { groups: node.appliesTo };
    if (node.children.length > 0) out.children = node.children.map((c, i) => toIndicator(c, `${code}.${i + 1}`));
    else {
      const inferred = node.inferred ?? inferRule('', node.points ?? 0);
      out.rule = inferred.rule;
      inferences.push({
        code,
        name: node.name,
        where: whereOf.get(node) ?? '',
        row: node.row,
        source: node.text,
        rule: inferred.rule,
        confidence: inferred.confidence,
        reason: node.pointsNote ? `${inferred.reason};分值:${node.pointsNote}` : inferred.reason,
      });
    }
    return out;
  };
  const indicators = roots.map((n, i) => toIndicator(n, String(i + 1)));
  const title = (
    source.title ||
    (options.fileName ? options.fileName.replace(/\.(xlsx|docx|xls|doc)$/i, '') : '') ||
    `${options.year}年度考核细则`
  ).slice(0, 200);
  const unique = <T extends { name: string }>(items: T[]) => items.filter((item, i) => items.findIndex((x) => x.name === item.name) === i);
  const vetoes = unique(results.flatMap((r) => r.extras.vetoes));
  const bonusItems = unique(results.flatMap((r) => r.extras.bonus));
  const major = unique(results.flatMap((r) => r.extras.major));
  const bonusCap = results.map((r) => r.extras.bonusCap).find((c) => c !== null) ?? null;
  const bonusGate = results.map((r) => r.extras.bonusGate).find((c) => c !== null) ?? null;
  if (vetoes.some((v) => v.capTo === null)) warnings.push(`读到 ${vetoes.length} 个否决项,未写明封顶分的暂定为“直接不合格”,请确认`);
  if ((bonusItems.length > 0 || bonusCap !== null) && bonusGate === null)
    warnings.push(
      `读到 ${bonusItems.length} 个加分项${bonusCap !== null ? `,加分上限 ${bonusCap} 分` : ''};加分门槛暂定为 0 分(均可加分),请确认`,
    );
  const scheme: Scheme = {
    code: `KH-${options.year}`,
    title,
    year: options.year,
    groups,
    indicators,
    vetoes: vetoes.map((v, i) =>
      v.capTo === null
        ? { code: `V${i + 1}`, name: v.name, effect: 'fail' as const }
        : { code: `V${i + 1}`, name: v.name, effect: 'cap' as const, capTo: v.capTo },
    ),
    ...(bonusItems.length > 0 || bonusCap !== null
      ? {
          bonus: {
            gate: bonusGate ?? 0,
            cap: bonusCap ?? bonusItems.reduce((s, b) => s + (milli(b.points) ?? 0), 0) / 1000,
            items: bonusItems.map((b, i) => ({ code: `J${i + 1}`, name: b.name, points: b.points })),
          },
        }
      : {}),
    majorDeductions: major.map((m, i) => ({ code: `Z${i + 1}`, name: m.name, points: m.points })),
    grading: {
      bands: [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 80 },
        { grade: '合格', min: 60 },
        { grade: '不合格', min: 0 },
      ],
    },
  };
  warnings.push(
    `等次(优秀≥90、良好≥80、合格≥60)为默认值,表格中未给出${vetoes.length + bonusItems.length + major.length === 0 ? ';否决项、加分项、重大扣分项请在编辑器中补充' : ''}`,
  );
  const manual = inferences.filter((i) => i.confidence === 'manual').length;
  if (manual > 0) warnings.push(`${manual} 个末级指标未能从评分说明识别计分方式,暂按人工评分,请逐项确认`);

  // The same validation the server runs on every scheme.
  const parsed = schemeSchema.safeParse(scheme);
  if (!parsed.success)
    return {
      ok: false,
      errors: formatSchemeIssues(parsed.error, scheme).map((message) => ({ where: '方案', row: null, message })),
      warnings,
    };
  const compiled = compileScheme(parsed.data);
  if (!compiled.ok) return { ok: false, errors: compiled.issues.map((message) => ({ where: '方案', row: null, message })), warnings };
  const rows = results.reduce((s, r) => s + r.rows, 0);
  return { ok: true, scheme: parsed.data, inferences, warnings, tables: results.length, rows };
}
