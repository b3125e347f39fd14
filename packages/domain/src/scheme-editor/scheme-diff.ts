// What changed between two schemes (last year's and this year's), node by node: nodes are
// matched by code; a node is changed when its name, points, rule, applicability or `na` differ.
import type { IndicatorNode, Scheme } from '@kaoping/contracts/scoring/scheme';

export interface SchemeNodeChange {
  kind: 'added' | 'removed' | 'changed';
  code: string;
  name: string;
  level: number;
  beforePoints: number | null;
  afterPoints: number | null;
  /** What differs on a changed node, in Chinese: 名称, 分值, 计分规则, 适用范围, 不适用处理. */
  fields: string[];
}

function flatten(nodes: readonly IndicatorNode[], level = 1, out = new Map<string, { node: IndicatorNode; level: number }>()) {
  for (const node of nodes) {
    out.set(node.code, { node, level });
    flatten(node.children ?? [], level + 1, out);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function diffSchemes(before: Scheme, after: Scheme): SchemeNodeChange[] {
  const old = flatten(before.indicators);
  const now = flatten(after.indicators);
  const changes: SchemeNodeChange[] = [];
  for (const [code, { node, level }] of now) {
    const prev = old.get(code);
    if (!prev) {
      changes.push({ kind: 'added', code, name: node.name, level, beforePoints: null, afterPoints: node.points, fields: [] });
      continue;
    }
    const fields = [
      prev.node.name !== node.name ? '名称' : '',
      prev.node.points !== node.points ? '分值' : '',
      !same(prev.node.rule, node.rule) ? '计分规则' : '',
      !same(prev.node.appliesTo, node.appliesTo) ? '适用范围' : '',
      !same(prev.node.na, node.na) ? '不适用处理' : '',
      (prev.node.pooledDeductions ?? false) !== (node.pooledDeductions ?? false) ? '扣分统筹' : '',
    ].filter(Boolean);
    if (fields.length > 0)
      changes.push({ kind: 'changed', code, name: node.name, level, beforePoints: prev.node.points, afterPoints: node.points, fields });
  }
  for (const [code, { node, level }] of old) {
    if (!now.has(code))
      changes.push({ kind: 'removed', code, name: node.name, level, beforePoints: node.points, afterPoints: null, fields: [] });
  }
  return changes;
}
