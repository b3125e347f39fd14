// A scheme laid out as the published 考核细则 table, for both the .docx and the .xlsx: one row
// per leaf, one column per indicator level (parents merged down their rows, with their points in
// brackets; a leaf shallower than the deepest level spans the remaining level columns), then
// 分值, 评分标准 (the leaf's rule in words an office writes) and 适用范围. The wording is the one
// the importer reads back, so an exported 细则 imports to the same tree, points and rule kinds.
import type { IndicatorNode, LeafRule, Scheme } from '@kaoping/contracts/scoring/scheme';

export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}
/** A row's cells in column order; positions covered by a merge from above are left out. */
export type GridRow = GridCell[];

export interface SchemeDocument {
  title: string;
  /** Number of indicator level columns. */
  depth: number;
  header: string[];
  rows: GridRow[];
  total: number;
  /** Lines under the table: groups, vetoes, bonus, major deductions, grades. */
  notes: { heading: string; lines: string[] }[];
}

const LEVEL_NAMES = ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标', '六级指标', '七级指标', '八级指标'];

export const formatPoints = (n: number): string => String(Number(n.toFixed(3)));

/** The rule in an office's words (评分标准); read back by the importer's inference. */
export function describeRuleForDocument(rule: LeafRule | undefined, points: number): string {
  const p = formatPoints(points);
  switch (rule?.kind) {
    case undefined:
    case 'manual':
      return '由考核人员按评分标准评分';
    case 'binary':
      return `达到要求得${p}分,未达到要求不得分`;
    case 'checklist':
      return rule.items.map((i) => `${i.name}${formatPoints(i.points)}分`).join(';');
    case 'graded':
      return rule.levels.map((l) => `${l.label}${formatPoints(l.points)}分`).join('、');
    case 'rate':
      return `按完成比例计分:目标值${formatPoints(rule.target)}%,低于目标值的每个百分点减${formatPoints(rule.perPointBelow)}分,减完为止`;
    case 'deduct':
      return `每发现一处问题扣${formatPoints(rule.perFinding)}分,扣完为止`;
    case 'rectification':
      return `整改事项每逾期一项扣${formatPoints(rule.perLate)}分,复核不通过每次扣${formatPoints(rule.perRejected)}分,扣完为止`;
  }
}

function depthOf(nodes: readonly IndicatorNode[]): number {
  return Math.max(0, ...nodes.map((n) => 1 + depthOf(n.children ?? [])));
}
function leafCount(node: IndicatorNode): number {
  const children = node.children ?? [];
  return children.length === 0 ? 1 : children.reduce((s, c) => s + leafCount(c), 0);
}

export function buildSchemeDocument(scheme: Scheme): SchemeDocument {
  const depth = Math.max(1, depthOf(scheme.indicators));
  const groupName = new Map(scheme.groups.map((g) => [g.code, g.name]));
  const rows: GridRow[] = [];
  let serial = 0;
  const walk = (node: IndicatorNode, level: number, prefix: GridCell[]) => {
    const children = node.children ?? [];
    if (children.length > 0) {
      const cell: GridCell = { text: `${node.name}(${formatPoints(node.points)}分)`, rowSpan: leafCount(node), colSpan: 1 };
      // Ancestors' cells are written once, on the first leaf row below them (merged down).
      children.forEach((child, i) => walk(child, level + 1, i === 0 ? [...prefix, cell] : []));
      return;
    }
    serial++;
    const applies = [
      node.appliesTo?.groups?.length ? `仅${node.appliesTo.groups.map((g) => groupName.get(g) ?? g).join('、')}` : '',
      node.appliesTo?.tags?.length ? `须有标签:${node.appliesTo.tags.join('、')}` : '',
      node.na && typeof node.na === 'object' ? `不适用时按${formatPoints(node.na.rate * 100)}%计分` : '',
    ]
      .filter(Boolean)
      .join(';');
    rows.push([
      { text: String(serial), rowSpan: 1, colSpan: 1 },
      ...prefix,
      { text: node.name, rowSpan: 1, colSpan: depth - level + 1 },
      { text: `${formatPoints(node.points)}分`, rowSpan: 1, colSpan: 1 },
      { text: describeRuleForDocument(node.rule, node.points), rowSpan: 1, colSpan: 1 },
      { text: applies, rowSpan: 1, colSpan: 1 },
    ]);
  };
  for (const node of scheme.indicators) walk(node, 1, []);
  const total = scheme.indicators.reduce((s, n) => s + Math.round(n.points * 1000), 0) / 1000;
  // Vetoes, bonus items and major deductions: sections of the table outside the total, as offices
  // print them (and as the importer reads them back).
  const section = (title: string, items: { name: string; points: string; text: string }[]) => {
    items.forEach((item, i) => {
      serial++;
      rows.push([
        { text: String(serial), rowSpan: 1, colSpan: 1 },
        ...(i === 0 ? [{ text: title, rowSpan: items.length, colSpan: 1 }] : []),
        { text: item.name, rowSpan: 1, colSpan: depth - 1 || 1 },
        { text: item.points, rowSpan: 1, colSpan: 1 },
        { text: item.text, rowSpan: 1, colSpan: 1 },
        { text: '', rowSpan: 1, colSpan: 1 },
      ]);
    });
  };
  if (depth > 1) {
    section(
      '一票否决',
      scheme.vetoes.map((v) => ({
        name: v.name,
        points: '',
        text: v.effect === 'fail' ? '考核结果直接定为不合格' : `考核得分不超过${formatPoints(v.capTo)}分`,
      })),
    );
    if (scheme.bonus && scheme.bonus.items.length > 0) {
      section(
        `加分项(得分达到${formatPoints(scheme.bonus.gate)}分可加分,最高${formatPoints(scheme.bonus.cap)}分)`,
        scheme.bonus.items.map((b) => ({ name: b.name, points: `${formatPoints(b.points)}分`, text: `加${formatPoints(b.points)}分` })),
      );
    }
    section(
      '重大扣分项',
      scheme.majorDeductions.map((m) => ({
        name: m.name,
        points: `${formatPoints(m.points)}分`,
        text: `扣${formatPoints(m.points)}分(不设上限)`,
      })),
    );
  }
  rows.push([
    { text: '合计', rowSpan: 1, colSpan: depth + 1 },
    { text: `${formatPoints(total)}分`, rowSpan: 1, colSpan: 1 },
    { text: '', rowSpan: 1, colSpan: 1 },
    { text: '', rowSpan: 1, colSpan: 1 },
  ]);

  const notes: SchemeDocument['notes'] = [];
  notes.push({ heading: '考核分组', lines: scheme.groups.map((g) => `${g.code} ${g.name}`) });
  // With one level only, the table has no column for a section title: they go below as notes.
  if (depth === 1 && scheme.vetoes.length > 0)
    notes.push({
      heading: '否决项',
      lines: scheme.vetoes.map(
        (v) => `${v.name}:${v.effect === 'fail' ? '考核结果直接定为不合格' : `考核得分不超过${formatPoints(v.capTo)}分`}`,
      ),
    });
  if (depth === 1 && scheme.bonus && scheme.bonus.items.length > 0) {
    notes.push({
      heading: '加分项',
      lines: [
        `得分达到${formatPoints(scheme.bonus.gate)}分的单位可加分,加分合计不超过${formatPoints(scheme.bonus.cap)}分。`,
        ...scheme.bonus.items.map((b) => `${b.name}:加${formatPoints(b.points)}分`),
      ],
    });
  }
  if (depth === 1 && scheme.majorDeductions.length > 0)
    notes.push({ heading: '重大扣分项', lines: scheme.majorDeductions.map((m) => `${m.name}:扣${formatPoints(m.points)}分(不设上限)`) });
  const bands = scheme.grading.bands;
  notes.push({
    heading: '等次评定',
    lines: [
      bands
        .map((b, i) =>
          i === 0
            ? `${formatPoints(b.min)}分以上为${b.grade}`
            : b.min === 0
              ? `${formatPoints(bands[i - 1]?.min ?? 0)}分以下为${b.grade}`
              : `${formatPoints(b.min)}分至${formatPoints(bands[i - 1]?.min ?? 0)}分(不含)为${b.grade}`,
        )
        .join(';') + '。',
      ...(scheme.grading.quota
        ? [`${scheme.grading.quota.grade}等次不超过本组参评单位的${formatPoints(scheme.grading.quota.maxPct)}%。`]
        : []),
    ],
  });
  return {
    title: scheme.title,
    depth,
    header: ['序号', ...LEVEL_NAMES.slice(0, depth), '分值', '评分标准', '适用范围'],
    rows,
    total,
    notes,
  };
}
