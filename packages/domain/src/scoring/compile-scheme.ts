// Validates a scheme (spec §1) and compiles it into flat arrays the engine walks without
// lookups: nodes in pre-order, leaves with their effective applicability, every number
// in integer thousandths. Messages are Chinese and name the node ("指标 1.2:…").
import type { IndicatorNode, LeafRule, Scheme } from '@kaoping/contracts/scoring/scheme';
import { formatMilli, MILLI, numberToMilli } from './decimal';

export type CompiledRule =
  | { kind: 'manual' }
  | { kind: 'binary' }
  | { kind: 'checklist'; items: readonly ChecklistItem[]; itemByCode: ReadonlyMap<string, ChecklistItem> }
  | { kind: 'graded'; levels: readonly GradedLevel[]; levelByLabel: ReadonlyMap<string, GradedLevel> }
  | { kind: 'rate'; target: number; perPointBelow: number }
  | { kind: 'deduct'; perFinding: number }
  | { kind: 'rectification'; perLate: number; perRejected: number };

export interface ChecklistItem {
  /** position in the rule's items */
  index: number;
  code: string;
  name: string;
  /** thousandths */
  points: number;
}
export interface GradedLevel {
  label: string;
  /** thousandths */
  points: number;
}

export type CompiledNa =
  { kind: 'exclude' } | { kind: 'rate'; /** thousandths of 1 */ rate: number; /** rate × points, millionths */ earned: number };

/** How a node's value is clamped: [0, points], ≤ points only (pooled leaf), or not at all. */
export type ClampMode = 'both' | 'upper' | 'none';

export interface CompiledNode {
  index: number;
  code: string;
  name: string;
  /** 1 for a level-1 indicator. */
  level: number;
  /** thousandths */
  points: number;
  /** index of the parent node, −1 for a level-1 node */
  parent: number;
  /** index into `leaves`, −1 for a non-leaf */
  leaf: number;
  clamp: ClampMode;
}

export interface CompiledLeaf {
  index: number;
  node: number;
  code: string;
  name: string;
  /** thousandths */
  points: number;
  /** millionths */
  pointsMicro: number;
  rule: CompiledRule;
  /** `rule.kind`, kept on the leaf so the hot loop reads one object shape. */
  kind: CompiledRule['kind'];
  /** Groups the leaf applies to (intersection along its ancestors); null = every group. */
  groups: ReadonlySet<string> | null;
  /** Tags a unit must carry (union along its ancestors). */
  tags: readonly string[];
  na: CompiledNa;
  /** Under a level-1 indicator with pooled deductions: not clamped at 0. */
  pooled: boolean;
  /** manual/binary/checklist/graded/rate need a score; deduct/rectification do not. */
  needsInput: boolean;
}

export type EventDefinition =
  | { type: 'veto'; code: string; name: string; effect: 'fail' }
  | { type: 'veto'; code: string; name: string; effect: 'cap'; /** thousandths */ capTo: number }
  | { type: 'bonus'; code: string; name: string; /** thousandths */ points: number }
  | { type: 'major'; code: string; name: string; /** thousandths */ points: number };

export interface CompiledBand {
  grade: string;
  /** thousandths */
  min: number;
}

export interface CompiledScheme {
  source: Scheme;
  code: string;
  year: number;
  groups: readonly { code: string; name: string }[];
  groupCodes: ReadonlySet<string>;
  nodes: readonly CompiledNode[];
  leaves: readonly CompiledLeaf[];
  nodeByCode: ReadonlyMap<string, CompiledNode>;
  leafByCode: ReadonlyMap<string, CompiledLeaf>;
  /** Vetoes, bonus items and major deductions by code (one namespace: events.csv `code`). */
  events: ReadonlyMap<string, EventDefinition>;
  /** Veto codes in scheme order, for listing triggered vetoes. */
  vetoOrder: readonly string[];
  /** thousandths; null when the scheme has no bonus */
  bonus: { gate: number; cap: number } | null;
  bands: readonly CompiledBand[];
  quota: { grade: string; bandIndex: number; /** thousandths of a percent */ maxPct: number } | null;
  /** Quarter weights of the annual result, in quarter order; null when the scheme has none. */
  annual: readonly { quarter: 1 | 2 | 3 | 4; key: string; /** thousandths of 1 */ weight: number }[] | null;
}

export type CompileSchemeResult = { ok: true; scheme: CompiledScheme } | { ok: false; issues: string[] };

/** Total points of a scheme may not exceed this (keeps every sum a safe integer). */
const MAX_TOTAL_POINTS = 1_000_000 * MILLI;
const MAX_DEPTH = 8;
const NA_MARK = 'na';

export function compileScheme(scheme: Scheme): CompileSchemeResult {
  const issues: string[] = [];
  const milli = (value: number, where: string, what: string): number => {
    const m = numberToMilli(value);
    if (m === null) {
      issues.push(`${where}:${what} ${String(value)} 应为非负数且最多三位小数`);
      return 0;
    }
    return m;
  };

  // groups
  const groupCodes = new Set<string>();
  for (const g of scheme.groups) {
    if (groupCodes.has(g.code)) issues.push(`分组编码 ${g.code} 重复`);
    groupCodes.add(g.code);
  }

  // indicator tree
  const nodes: CompiledNode[] = [];
  const leaves: CompiledLeaf[] = [];
  const nodeByCode = new Map<string, CompiledNode>();
  const leafByCode = new Map<string, CompiledLeaf>();
  const seenCodes = new Set<string>();

  const visit = (
    node: IndicatorNode,
    level: number,
    parent: number,
    inherited: { groups: ReadonlySet<string> | null; tags: readonly string[]; pooled: boolean },
  ): number => {
    const where = `指标 ${node.code}`;
    if (seenCodes.has(node.code)) issues.push(`指标编码 ${node.code} 重复`);
    seenCodes.add(node.code);
    const points = milli(node.points, where, '分值');
    if (level > MAX_DEPTH) issues.push(`${where}:指标层级不能超过 ${MAX_DEPTH} 级`);
    if (node.pooledDeductions !== undefined && node.pooledDeductions && level !== 1) {
      issues.push(`${where}:pooledDeductions(扣分合并计算)只能用于一级指标`);
    }
    const pooled = inherited.pooled || (level === 1 && node.pooledDeductions === true);

    // applicability: groups intersect down the tree, tags accumulate
    let groups = inherited.groups;
    let tags = inherited.tags;
    if (node.appliesTo?.groups !== undefined) {
      for (const g of node.appliesTo.groups) if (!groupCodes.has(g)) issues.push(`${where}:适用分组 ${g} 不存在`);
      const own = new Set(node.appliesTo.groups);
      groups = groups === null ? own : new Set([...groups].filter((g) => own.has(g)));
    }
    if (node.appliesTo?.tags !== undefined && node.appliesTo.tags.length > 0) {
      tags = [...new Set([...tags, ...node.appliesTo.tags])];
    }

    const children = node.children ?? [];
    const isLeaf = children.length === 0;
    const index = nodes.length;
    const compiled: CompiledNode = {
      index,
      code: node.code,
      name: node.name,
      level,
      points,
      parent,
      leaf: -1,
      clamp: isLeaf ? (pooled ? 'upper' : 'both') : pooled && level > 1 ? 'none' : 'both',
    };
    nodes.push(compiled);
    if (!nodeByCode.has(node.code)) nodeByCode.set(node.code, compiled);

    if (isLeaf) {
      if (node.children !== undefined) issues.push(`${where}:children 不能为空数组(末级指标请删去 children)`);
      if (node.rule === undefined) {
        issues.push(`${where}:末级指标必须有计分规则 rule`);
        return index;
      }
      const rule = compileRule(node.rule, points, where, issues, milli);
      let na: CompiledNa = { kind: 'exclude' };
      if (node.na !== undefined && node.na !== 'exclude') {
        const rate = milli(node.na.rate, where, '不适用折算比例');
        if (rate > MILLI) issues.push(`${where}:不适用折算比例 ${formatMilli(rate)} 应在 0–1 之间`);
        na = { kind: 'rate', rate, earned: rate * points };
      }
      const leaf: CompiledLeaf = {
        index: leaves.length,
        node: index,
        code: node.code,
        name: node.name,
        points,
        pointsMicro: points * MILLI,
        rule,
        kind: rule.kind,
        groups,
        tags,
        na,
        pooled,
        needsInput: rule.kind !== 'deduct' && rule.kind !== 'rectification',
      };
      compiled.leaf = leaf.index;
      leaves.push(leaf);
      if (!leafByCode.has(node.code)) leafByCode.set(node.code, leaf);
      return index;
    }

    if (node.rule !== undefined) issues.push(`${where}:有下级指标的节点不能有计分规则 rule`);
    if (node.na !== undefined) issues.push(`${where}:na(不适用处理)只能用于末级指标`);
    let sum = 0;
    for (const child of children) {
      const childIndex = visit(child, level + 1, index, { groups, tags, pooled });
      sum += nodes[childIndex]?.points ?? 0;
    }
    if (sum !== points) issues.push(`${where}:子项分值之和 ${formatMilli(sum)} ≠ ${formatMilli(points)}`);
    return index;
  };

  let total = 0;
  for (const top of scheme.indicators) {
    const i = visit(top, 1, -1, { groups: null, tags: [], pooled: false });
    total += nodes[i]?.points ?? 0;
  }
  if (total > MAX_TOTAL_POINTS) issues.push(`方案总分 ${formatMilli(total)} 超过上限 1000000`);

  // events: vetoes, bonus items, major deductions share one code namespace
  const events = new Map<string, EventDefinition>();
  const addEvent = (def: EventDefinition) => {
    if (events.has(def.code)) issues.push(`事项编码 ${def.code} 重复(否决项、加分项、重大扣分项的编码不能相同)`);
    else events.set(def.code, def);
  };
  const vetoOrder: string[] = [];
  for (const v of scheme.vetoes) {
    const where = `否决项 ${v.code}`;
    if (v.effect === 'fail') addEvent({ type: 'veto', code: v.code, name: v.name, effect: 'fail' });
    else addEvent({ type: 'veto', code: v.code, name: v.name, effect: 'cap', capTo: milli(v.capTo, where, '封顶分') });
    vetoOrder.push(v.code);
  }
  let bonus: CompiledScheme['bonus'] = null;
  if (scheme.bonus !== undefined) {
    bonus = { gate: milli(scheme.bonus.gate, '加分项', '门槛分 gate'), cap: milli(scheme.bonus.cap, '加分项', '上限 cap') };
    for (const item of scheme.bonus.items) {
      addEvent({ type: 'bonus', code: item.code, name: item.name, points: milli(item.points, `加分项 ${item.code}`, '分值') });
    }
  }
  for (const m of scheme.majorDeductions) {
    addEvent({ type: 'major', code: m.code, name: m.name, points: milli(m.points, `重大扣分项 ${m.code}`, '分值') });
  }
  if (events.has(NA_MARK)) issues.push(`事项编码不能为 ${NA_MARK}`);

  // grading
  const bands: CompiledBand[] = [];
  const grades = new Set<string>();
  for (const b of scheme.grading.bands) {
    const min = milli(b.min, `等次 ${b.grade}`, '最低分');
    if (grades.has(b.grade)) issues.push(`等次 ${b.grade} 重复`);
    grades.add(b.grade);
    const prev = bands[bands.length - 1];
    if (prev !== undefined && min >= prev.min) {
      issues.push(`等次 ${b.grade}:最低分 ${formatMilli(min)} 应小于上一等次 ${prev.grade} 的 ${formatMilli(prev.min)}(须严格递减)`);
    }
    bands.push({ grade: b.grade, min });
  }
  const lastBand = bands[bands.length - 1];
  if (lastBand !== undefined && lastBand.min !== 0) issues.push(`等次 ${lastBand.grade}:最后一个等次的最低分必须为 0`);
  let quota: CompiledScheme['quota'] = null;
  if (scheme.grading.quota !== undefined) {
    const q = scheme.grading.quota;
    const bandIndex = bands.findIndex((b) => b.grade === q.grade);
    const maxPct = milli(q.maxPct, '等次比例限制', 'maxPct');
    if (bandIndex < 0) issues.push(`等次比例限制:等次 ${q.grade} 不存在`);
    else if (bandIndex === bands.length - 1) issues.push(`等次比例限制:等次 ${q.grade} 是最低等次,超出比例时无法降档`);
    if (maxPct > 100 * MILLI) issues.push(`等次比例限制:maxPct ${formatMilli(maxPct)} 应在 0–100 之间`);
    quota = { grade: q.grade, bandIndex, maxPct };
  }

  // annual weights: keys Q1..Q4, summing to 1
  let annual: CompiledScheme['annual'] = null;
  if (scheme.annual !== undefined) {
    const list: { quarter: 1 | 2 | 3 | 4; key: string; weight: number }[] = [];
    let sum = 0;
    for (const [key, w] of Object.entries(scheme.annual.periods)) {
      const m = /^Q([1-4])$/.exec(key);
      const weight = milli(w, `年度汇总 ${key}`, '权重');
      if (!m) {
        issues.push(`年度汇总:期次 ${key} 应为 Q1、Q2、Q3 或 Q4`);
        continue;
      }
      if (list.some((p) => p.key === key)) issues.push(`年度汇总:期次 ${key} 重复`);
      list.push({ quarter: Number(m[1]) as 1 | 2 | 3 | 4, key, weight });
      sum += weight;
    }
    if (list.length === 0) issues.push('年度汇总:至少需要一个期次');
    if (sum !== MILLI) issues.push(`年度汇总:各期权重之和 ${formatMilli(sum)} ≠ 1`);
    list.sort((a, b) => a.quarter - b.quarter);
    annual = list;
  }

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    scheme: {
      source: scheme,
      code: scheme.code,
      year: scheme.year,
      groups: scheme.groups.map((g) => ({ code: g.code, name: g.name })),
      groupCodes,
      nodes,
      leaves,
      nodeByCode,
      leafByCode,
      events,
      vetoOrder,
      bonus,
      bands,
      quota,
      annual,
    },
  };
}

function compileRule(
  rule: LeafRule,
  points: number,
  where: string,
  issues: string[],
  milli: (value: number, where: string, what: string) => number,
): CompiledRule {
  switch (rule.kind) {
    case 'manual':
    case 'binary':
      return { kind: rule.kind };
    case 'checklist': {
      const items: ChecklistItem[] = [];
      const itemByCode = new Map<string, ChecklistItem>();
      let sum = 0;
      for (const it of rule.items) {
        const item = { index: items.length, code: it.code, name: it.name, points: milli(it.points, `${where} 检查项 ${it.code}`, '分值') };
        if (itemByCode.has(it.code)) issues.push(`${where}:检查项编码 ${it.code} 重复`);
        if (it.code.toLowerCase() === NA_MARK) issues.push(`${where}:检查项编码不能为 ${NA_MARK}`);
        if (it.code.includes(';')) issues.push(`${where}:检查项编码 ${it.code} 不能包含分号`);
        itemByCode.set(it.code, item);
        items.push(item);
        sum += item.points;
      }
      if (sum !== points) issues.push(`${where}:检查项分值之和 ${formatMilli(sum)} ≠ ${formatMilli(points)}`);
      return { kind: 'checklist', items, itemByCode };
    }
    case 'graded': {
      const levels: GradedLevel[] = [];
      const levelByLabel = new Map<string, GradedLevel>();
      for (const l of rule.levels) {
        const level = { label: l.label, points: milli(l.points, `${where} 等级 ${l.label}`, '分值') };
        if (levelByLabel.has(l.label)) issues.push(`${where}:等级 ${l.label} 重复`);
        if (l.label.toLowerCase() === NA_MARK) issues.push(`${where}:等级名称不能为 ${NA_MARK}`);
        if (level.points > points) {
          issues.push(`${where}:等级 ${l.label} 的分值 ${formatMilli(level.points)} 超出 [0, ${formatMilli(points)}]`);
        }
        levelByLabel.set(l.label, level);
        levels.push(level);
      }
      return { kind: 'graded', levels, levelByLabel };
    }
    case 'rate': {
      const target = milli(rule.target, where, '目标值 target');
      if (target > 100 * MILLI) issues.push(`${where}:目标值 ${formatMilli(target)} 应在 0–100 之间`);
      return { kind: 'rate', target, perPointBelow: milli(rule.perPointBelow, where, 'perPointBelow') };
    }
    case 'deduct':
      return { kind: 'deduct', perFinding: milli(rule.perFinding, where, '每处扣分 perFinding') };
    case 'rectification':
      return {
        kind: 'rectification',
        perLate: milli(rule.perLate, where, '每项逾期扣分 perLate'),
        perRejected: milli(rule.perRejected, where, '每次复查未通过扣分 perRejected'),
      };
  }
}
