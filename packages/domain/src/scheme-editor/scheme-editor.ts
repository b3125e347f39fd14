// The form-based scheme editor's model: a pure reducer over the scheme (spec scoring.md §1).
// Nodes are addressed by their index path from the top ([0, 2] = third child of the first
// level-1 indicator). Edits never validate: the editor shows the same validation the server
// runs (validateSchemeText) live, naming the node, so a half-edited scheme can be kept.
import type {
  AppliesTo,
  Bonus,
  Grading,
  IndicatorNode,
  LeafRule,
  LeafRuleKind,
  MajorDeduction,
  NaPolicy,
  Scheme,
  Veto,
} from '@kaoping/contracts/scoring/scheme';

export type NodePath = readonly number[];

export type SchemeEditAction =
  | { type: 'replace'; scheme: Scheme }
  | { type: 'set-meta'; code?: string; title?: string; year?: number }
  | { type: 'add-node'; parent: NodePath | null }
  | { type: 'remove-node'; path: NodePath }
  | { type: 'rename-node'; path: NodePath; name: string }
  | { type: 'set-code'; path: NodePath; code: string }
  | { type: 'set-points'; path: NodePath; points: number }
  | { type: 'move-node'; path: NodePath; direction: 'up' | 'down' }
  /** Drag and drop: the node goes under `parent` (null = top level) at `index` (counted before removal). */
  | { type: 'move-to'; path: NodePath; parent: NodePath | null; index: number }
  | { type: 'set-rule-kind'; path: NodePath; kind: LeafRuleKind }
  | { type: 'set-rule'; path: NodePath; rule: LeafRule }
  | { type: 'set-applies-to'; path: NodePath; appliesTo: AppliesTo | undefined }
  | { type: 'set-na'; path: NodePath; na: NaPolicy | undefined }
  | { type: 'set-pooled'; path: NodePath; pooled: boolean }
  | { type: 'set-groups'; groups: Scheme['groups'] }
  | { type: 'set-vetoes'; vetoes: Veto[] }
  | { type: 'set-bonus'; bonus: Bonus | undefined }
  | { type: 'set-major-deductions'; majorDeductions: MajorDeduction[] }
  | { type: 'set-grading'; grading: Grading }
  | { type: 'set-annual'; annual: Scheme['annual'] }
  | { type: 'renumber' };

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The node at a path, or undefined. */
export function nodeAt(scheme: Scheme, path: NodePath): IndicatorNode | undefined {
  let nodes: readonly IndicatorNode[] = scheme.indicators;
  let node: IndicatorNode | undefined;
  for (const i of path) {
    node = nodes[i];
    if (!node) return undefined;
    nodes = node.children ?? [];
  }
  return node;
}

/** Sum of the children's points (exact to thousandths), or null for a leaf. */
export function childrenSum(node: IndicatorNode): number | null {
  const children = node.children ?? [];
  if (children.length === 0) return null;
  return children.reduce((s, c) => s + Math.round(c.points * 1000), 0) / 1000;
}

/** A rule of that kind with fields an office would start from, sized to the leaf's points. */
export function defaultRule(kind: LeafRuleKind, points: number): LeafRule {
  switch (kind) {
    case 'manual':
      return { kind };
    case 'binary':
      return { kind };
    case 'checklist':
      return { kind, items: [{ code: 'a', name: '检查项', points }] };
    case 'graded':
      return {
        kind,
        levels: [
          { label: '优', points },
          { label: '良', points: round3(points * 0.8) },
          { label: '中', points: round3(points * 0.6) },
          { label: '差', points: 0 },
        ],
      };
    case 'rate':
      return { kind, target: 100, perPointBelow: round3(points / 100) };
    case 'deduct':
      return { kind, perFinding: 1 };
    case 'rectification':
      return { kind, perLate: 2, perRejected: 1 };
  }
}

function mapNodes(nodes: readonly IndicatorNode[], path: NodePath, f: (node: IndicatorNode) => IndicatorNode): IndicatorNode[] {
  const [head, ...rest] = path;
  return nodes.map((node, i) => {
    if (i !== head) return node;
    if (rest.length === 0) return f(node);
    return { ...node, children: mapNodes(node.children ?? [], rest, f) };
  });
}

/** Replaces the list of children under `parent` (null = the top level). */
function mapChildren(scheme: Scheme, parent: NodePath | null, f: (children: IndicatorNode[]) => IndicatorNode[]): Scheme {
  if (parent === null || parent.length === 0) return { ...scheme, indicators: f([...scheme.indicators]) };
  return { ...scheme, indicators: mapNodes(scheme.indicators, parent, (node) => asParent(node, f([...(node.children ?? [])]))) };
}

/** A node with children carries no rule or `na` (they belong to leaves); without children it needs a rule. */
function asParent(node: IndicatorNode, children: IndicatorNode[]): IndicatorNode {
  if (children.length === 0) {
    const { children: _c, ...leaf } = node;
    return { ...leaf, rule: node.rule ?? { kind: 'manual' } };
  }
  const { rule: _r, na: _n, ...rest } = node;
  return { ...rest, children };
}

function allCodes(nodes: readonly IndicatorNode[], out = new Set<string>()): Set<string> {
  for (const n of nodes) {
    out.add(n.code);
    allCodes(n.children ?? [], out);
  }
  return out;
}

/** A code for a new child of `parentCode`: "1.3" after "1.2", never one in use. */
function freshCode(scheme: Scheme, parentCode: string | null, siblings: number): string {
  const used = allCodes(scheme.indicators);
  for (let n = siblings + 1; ; n++) {
    const code = parentCode ? `${parentCode}.${n}` : String(n);
    if (!used.has(code)) return code;
  }
}

function renumber(nodes: readonly IndicatorNode[], prefix: string | null): IndicatorNode[] {
  return nodes.map((node, i) => {
    const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    return node.children ? { ...node, code, children: renumber(node.children, code) } : { ...node, code };
  });
}

export function editScheme(scheme: Scheme, action: SchemeEditAction): Scheme {
  switch (action.type) {
    case 'replace':
      return action.scheme;
    case 'set-meta':
      return {
        ...scheme,
        ...(action.code !== undefined ? { code: action.code } : {}),
        ...(action.title !== undefined ? { title: action.title } : {}),
        ...(action.year !== undefined ? { year: action.year } : {}),
      };
    case 'add-node': {
      const parent = action.parent === null ? null : nodeAt(scheme, action.parent);
      if (action.parent !== null && !parent) return scheme;
      const siblings = parent ? (parent.children ?? []).length : scheme.indicators.length;
      const code = freshCode(scheme, parent?.code ?? null, siblings);
      const leaf: IndicatorNode = { code, name: '新指标', points: 0, rule: { kind: 'manual' } };
      return mapChildren(scheme, action.parent, (children) => [...children, leaf]);
    }
    case 'remove-node': {
      if (action.path.length === 0) return scheme;
      const parent = action.path.slice(0, -1);
      const index = action.path[action.path.length - 1] ?? -1;
      return mapChildren(scheme, parent, (children) => children.filter((_, i) => i !== index));
    }
    case 'rename-node':
      return { ...scheme, indicators: mapNodes(scheme.indicators, action.path, (n) => ({ ...n, name: action.name })) };
    case 'set-code':
      return { ...scheme, indicators: mapNodes(scheme.indicators, action.path, (n) => ({ ...n, code: action.code })) };
    case 'set-points':
      return { ...scheme, indicators: mapNodes(scheme.indicators, action.path, (n) => ({ ...n, points: action.points })) };
    case 'move-node': {
      const parent = action.path.slice(0, -1);
      const index = action.path[action.path.length - 1] ?? -1;
      const target = action.direction === 'up' ? index - 1 : index + 1;
      return mapChildren(scheme, parent, (children) => {
        if (index < 0 || target < 0 || target >= children.length) return children;
        const out = [...children];
        [out[index], out[target]] = [out[target] as IndicatorNode, out[index] as IndicatorNode];
        return out;
      });
    }
    case 'move-to': {
      const node = nodeAt(scheme, action.path);
      if (!node || action.path.length === 0) return scheme;
      // Not into itself or its own subtree.
      if (action.parent && action.parent.length >= action.path.length && action.path.every((v, i) => action.parent?.[i] === v))
        return scheme;
      const from = action.path.slice(0, -1);
      const fromIndex = action.path[action.path.length - 1] ?? 0;
      const removed = mapChildren(scheme, from, (children) => children.filter((_, i) => i !== fromIndex));
      // The target path shifts when the removed node was an earlier sibling of one of its ancestors.
      let parent = action.parent;
      let index = action.index;
      if (parent && parent.length > from.length && from.every((v, i) => parent?.[i] === v) && (parent[from.length] ?? 0) > fromIndex) {
        parent = [...parent.slice(0, from.length), (parent[from.length] ?? 0) - 1, ...parent.slice(from.length + 1)];
      }
      const sameList = (parent ?? []).length === from.length && from.every((v, i) => (parent ?? [])[i] === v);
      if (sameList && index > fromIndex) index--;
      return mapChildren(removed, parent, (children) => {
        const out = [...children];
        out.splice(Math.max(0, Math.min(index, out.length)), 0, node);
        return out;
      });
    }
    case 'set-rule-kind':
      return {
        ...scheme,
        indicators: mapNodes(scheme.indicators, action.path, (n) =>
          n.children && n.children.length > 0
            ? n
            : { ...n, rule: n.rule?.kind === action.kind ? n.rule : defaultRule(action.kind, n.points) },
        ),
      };
    case 'set-rule':
      return {
        ...scheme,
        indicators: mapNodes(scheme.indicators, action.path, (n) =>
          n.children && n.children.length > 0 ? n : { ...n, rule: action.rule },
        ),
      };
    case 'set-applies-to':
      return {
        ...scheme,
        indicators: mapNodes(scheme.indicators, action.path, (n) => {
          const { appliesTo: _a, ...rest } = n;
          const a = action.appliesTo;
          const empty = !a || ((a.groups ?? []).length === 0 && (a.tags ?? []).length === 0);
          return empty ? rest : { ...rest, appliesTo: a };
        }),
      };
    case 'set-na':
      return {
        ...scheme,
        indicators: mapNodes(scheme.indicators, action.path, (n) => {
          const { na: _n, ...rest } = n;
          return action.na === undefined ? rest : { ...rest, na: action.na };
        }),
      };
    case 'set-pooled':
      return {
        ...scheme,
        indicators: mapNodes(scheme.indicators, action.path, (n) => {
          const { pooledDeductions: _p, ...rest } = n;
          return action.pooled ? { ...rest, pooledDeductions: true } : rest;
        }),
      };
    case 'set-groups':
      return { ...scheme, groups: action.groups };
    case 'set-vetoes':
      return { ...scheme, vetoes: action.vetoes };
    case 'set-bonus': {
      const { bonus: _b, ...rest } = scheme;
      return action.bonus ? { ...rest, bonus: action.bonus } : rest;
    }
    case 'set-major-deductions':
      return { ...scheme, majorDeductions: action.majorDeductions };
    case 'set-grading':
      return { ...scheme, grading: action.grading };
    case 'set-annual': {
      const { annual: _a, ...rest } = scheme;
      return action.annual ? { ...rest, annual: action.annual } : rest;
    }
    case 'renumber':
      return { ...scheme, indicators: renumber(scheme.indicators, null) };
  }
}

/** The scheme as the scheme.json text the JSON view and the server take. */
export function schemeToText(scheme: Scheme): string {
  return `${JSON.stringify(scheme, null, 2)}\n`;
}
