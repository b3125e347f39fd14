import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leafRuleKinds, schemeSchema, type IndicatorNode, type LeafRule, type Scheme } from '@kaoping/contracts/scoring/scheme';
import { validateSchemeText } from '../scoring/validate-scheme-text';
import { everyRuleKindScheme } from './every-rule-kind-scheme';
import { childrenSum, editScheme, nodeAt, schemeToText, type NodePath, type SchemeEditAction } from './scheme-editor';
import { diffSchemes } from './scheme-diff';

const apply = (scheme: Scheme, ...actions: SchemeEditAction[]) => actions.reduce(editScheme, scheme);

describe('the scheme editor reducer', () => {
  it('adds, renames, moves and removes nodes; a leaf given a child becomes a parent without a rule', () => {
    let s = apply(everyRuleKindScheme, { type: 'add-node', parent: [2, 0] });
    const parent = nodeAt(s, [2, 0]);
    expect(parent?.rule).toBeUndefined();
    expect(parent?.children).toEqual([{ code: '3.1.1', name: '新指标', points: 0, rule: { kind: 'manual' } }]);
    s = apply(s, { type: 'rename-node', path: [2, 0, 0], name: '按时发布年报' }, { type: 'set-points', path: [2, 0, 0], points: 5 });
    expect(validateSchemeText(schemeToText(s)).ok).toBe(true);
    // Removing the only child turns it back into a leaf (with a manual rule to fill in).
    s = apply(s, { type: 'remove-node', path: [2, 0, 0] });
    expect(nodeAt(s, [2, 0])).toEqual({ code: '3.1', name: '按时发布', points: 5, rule: { kind: 'manual' } });
    s = apply(everyRuleKindScheme, { type: 'move-node', path: [0, 2], direction: 'up' });
    expect(nodeAt(s, [0])?.children?.map((c) => c.code)).toEqual(['1.1', '1.3', '1.2']);
    expect(apply(s, { type: 'renumber' }).indicators[0]?.children?.map((c) => `${c.code} ${c.name}`)).toEqual([
      '1.1 规范性文件及解读',
      '1.2 重点领域信息',
      '1.3 栏目更新及时准确',
    ]);
    // Moving past either end changes nothing.
    expect(apply(everyRuleKindScheme, { type: 'move-node', path: [0], direction: 'up' })).toEqual(everyRuleKindScheme);
  });

  it('drags a node under another parent and keeps the sum check honest', () => {
    const s = apply(everyRuleKindScheme, { type: 'move-to', path: [0, 1], parent: [3], index: 0 });
    expect(nodeAt(s, [3])?.children?.map((c) => c.code)).toEqual(['1.2', '4.1']);
    expect(childrenSum(nodeAt(s, [3]) as IndicatorNode)).toBe(40);
    const checked = validateSchemeText(schemeToText(s));
    expect(checked.ok ? [] : checked.problems.join('\n')).toContain('指标 1');
    // Into its own subtree: refused.
    expect(apply(everyRuleKindScheme, { type: 'move-to', path: [0], parent: [0, 1], index: 0 })).toEqual(everyRuleKindScheme);
  });

  it("switching a leaf to each rule kind gives that kind's fields, sized to the leaf", () => {
    const rules = leafRuleKinds.map(
      (kind) => nodeAt(apply(everyRuleKindScheme, { type: 'set-rule-kind', path: [1, 1], kind }), [1, 1])?.rule,
    );
    expect(rules).toEqual([
      { kind: 'manual' },
      { kind: 'binary' },
      { kind: 'checklist', items: [{ code: 'a', name: '检查项', points: 15 }] },
      {
        kind: 'graded',
        levels: [
          { label: '优', points: 15 },
          { label: '良', points: 12 },
          { label: '中', points: 9 },
          { label: '差', points: 0 },
        ],
      },
      { kind: 'rate', target: 100, perPointBelow: 0.15 },
      { kind: 'deduct', perFinding: 1 },
      { kind: 'rectification', perLate: 2, perRejected: 1 },
    ]);
    for (const kind of leafRuleKinds)
      expect(validateSchemeText(schemeToText(apply(everyRuleKindScheme, { type: 'set-rule-kind', path: [1, 1], kind }))).ok).toBe(true);
  });

  it('sets and clears appliesTo, na, pooled deductions and the scheme-level parts', () => {
    let s = apply(
      everyRuleKindScheme,
      { type: 'set-applies-to', path: [0, 2], appliesTo: { groups: [], tags: [] } },
      { type: 'set-na', path: [2, 1], na: undefined },
      { type: 'set-pooled', path: [1], pooled: false },
    );
    expect(nodeAt(s, [0, 2])?.appliesTo).toBeUndefined();
    expect(nodeAt(s, [2, 1])?.na).toBeUndefined();
    expect(nodeAt(s, [1])?.pooledDeductions).toBeUndefined();
    s = apply(
      s,
      { type: 'set-bonus', bonus: undefined },
      { type: 'set-annual', annual: undefined },
      {
        type: 'set-grading',
        grading: {
          bands: [
            { grade: '合格', min: 60 },
            { grade: '不合格', min: 0 },
          ],
        },
      },
    );
    expect(s.bonus).toBeUndefined();
    expect(validateSchemeText(schemeToText(s)).ok).toBe(true);
  });

  it('diffs last year against this year node by node', () => {
    const next = apply(
      everyRuleKindScheme,
      { type: 'set-points', path: [0, 1], points: 15 },
      { type: 'set-points', path: [0, 0], points: 15 },
      { type: 'remove-node', path: [2, 1] },
      { type: 'add-node', parent: [3] },
      { type: 'rename-node', path: [3, 1], name: '整改质量' },
    );
    expect(diffSchemes(everyRuleKindScheme, next)).toEqual([
      { kind: 'changed', code: '1.1', name: '规范性文件及解读', level: 2, beforePoints: 10, afterPoints: 15, fields: ['分值'] },
      { kind: 'changed', code: '1.2', name: '栏目更新及时准确', level: 2, beforePoints: 20, afterPoints: 15, fields: ['分值'] },
      { kind: 'added', code: '4.2', name: '整改质量', level: 2, beforePoints: null, afterPoints: 0, fields: [] },
      { kind: 'removed', code: '3.2', name: '数据勾稽一致', level: 2, beforePoints: 5, afterPoints: null, fields: [] },
    ]);
    expect(diffSchemes(everyRuleKindScheme, everyRuleKindScheme)).toEqual([]);
  });
});

// ── properties ────────────────────────────────────────────────────────────────────────
const points = fc.integer({ min: 0, max: 40 }).map((n) => n / 2);
const name = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim() || '指标');
const rule = (p: number): fc.Arbitrary<LeafRule> =>
  fc.oneof(
    fc.constant<LeafRule>({ kind: 'manual' }),
    fc.constant<LeafRule>({ kind: 'binary' }),
    fc.constant<LeafRule>({
      kind: 'checklist',
      items: [
        { code: 'a', name: '甲', points: p / 2 },
        { code: 'b', name: '乙', points: p / 2 },
      ],
    }),
    fc.constant<LeafRule>({
      kind: 'graded',
      levels: [
        { label: '好', points: p },
        { label: '差', points: 0 },
      ],
    }),
    fc.record({ target: fc.integer({ min: 0, max: 100 }), perPointBelow: points }).map((r): LeafRule => ({ kind: 'rate', ...r })),
    points.map((perFinding): LeafRule => ({ kind: 'deduct', perFinding })),
    fc.record({ perLate: points, perRejected: points }).map((r): LeafRule => ({ kind: 'rectification', ...r })),
  );
const leaf = (code: string) =>
  fc.tuple(name, points).chain(([n, p]) =>
    fc
      .record({
        rule: rule(p),
        na: fc.option(
          fc.oneof(
            fc.constant('exclude' as const),
            fc.integer({ min: 0, max: 10 }).map((r) => ({ rate: r / 10 })),
          ),
          { nil: undefined },
        ),
        groups: fc.option(fc.subarray(['A', 'B']), { nil: undefined }),
      })
      .map(({ rule: r, na, groups }): IndicatorNode => ({
        code,
        name: n,
        points: p,
        rule: r,
        ...(na !== undefined ? { na } : {}),
        ...(groups && groups.length > 0 ? { appliesTo: { groups } } : {}),
      })),
  );
const level1 = (code: string) =>
  fc
    .integer({ min: 1, max: 3 })
    .chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => leaf(`${code}.${i + 1}`))))
    .chain((children) =>
      fc.tuple(name, fc.boolean()).map(([n, pooled]): IndicatorNode => ({
        code,
        name: n,
        points: children.reduce((s, c) => s + c.points, 0),
        children,
        ...(pooled ? { pooledDeductions: true } : {}),
      })),
    );
const schemeArb: fc.Arbitrary<Scheme> = fc
  .integer({ min: 1, max: 4 })
  .chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => level1(String(i + 1)))))
  .map((indicators) => ({
    ...everyRuleKindScheme,
    groups: [
      { code: 'A', name: '甲组' },
      { code: 'B', name: '乙组' },
    ],
    indicators,
  }));
const pathsOf = (nodes: readonly IndicatorNode[], prefix: number[] = []): number[][] =>
  nodes.flatMap((n, i) => [[...prefix, i], ...pathsOf(n.children ?? [], [...prefix, i])]);

describe('scheme editor properties', () => {
  it('a scheme using every rule kind survives the editor and its JSON view without loss', () => {
    fc.assert(
      fc.property(schemeArb, (scheme) => {
        const text = schemeToText(editScheme(scheme, { type: 'replace', scheme }));
        expect(schemeSchema.parse(JSON.parse(text))).toEqual(scheme);
        // The server's validation accepts it and gives back exactly the same scheme.
        const checked = validateSchemeText(text);
        expect(checked.ok ? checked.scheme : checked.problems).toEqual(scheme);
      }),
      { numRuns: 200 },
    );
  });

  it('inverse edits give back the scheme unchanged (move down/up, rename, points, rule kind, add/remove)', () => {
    fc.assert(
      fc.property(
        schemeArb.chain((s) => fc.tuple(fc.constant(s), fc.constantFrom(...pathsOf(s.indicators)))),
        ([scheme, path]) => {
          const node = nodeAt(scheme, path) as IndicatorNode;
          const siblings = path.length === 1 ? scheme.indicators : (nodeAt(scheme, path.slice(0, -1))?.children ?? []);
          const last = path[path.length - 1] as number;
          if (last + 1 < siblings.length) {
            const moved = apply(
              scheme,
              { type: 'move-node', path, direction: 'down' },
              { type: 'move-node', path: [...path.slice(0, -1), last + 1] as NodePath, direction: 'up' },
            );
            expect(moved).toEqual(scheme);
            const dragged = apply(
              scheme,
              { type: 'move-to', path, parent: path.length === 1 ? null : path.slice(0, -1), index: last + 2 },
              {
                type: 'move-to',
                path: [...path.slice(0, -1), last + 1],
                parent: path.length === 1 ? null : path.slice(0, -1),
                index: last,
              },
            );
            expect(dragged).toEqual(scheme);
          }
          expect(apply(scheme, { type: 'rename-node', path, name: 'x' }, { type: 'rename-node', path, name: node.name })).toEqual(scheme);
          expect(
            apply(scheme, { type: 'set-points', path, points: node.points + 1 }, { type: 'set-points', path, points: node.points }),
          ).toEqual(scheme);
          if (node.rule) {
            const other = node.rule.kind === 'manual' ? 'binary' : 'manual';
            expect(apply(scheme, { type: 'set-rule-kind', path, kind: other }, { type: 'set-rule', path, rule: node.rule })).toEqual(
              scheme,
            );
          }
          if (node.children) {
            const added = apply(scheme, { type: 'add-node', parent: path });
            expect(apply(added, { type: 'remove-node', path: [...path, node.children.length] })).toEqual(scheme);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
