import { describe, expect, it } from 'vitest';
import { formatSchemeIssues, schemeSchema, type SchemeInput } from '@kaoping/contracts/scoring/scheme';
import { compileScheme } from './compile-scheme';
import { buildScheme, manualScheme } from './scoring-fixtures';

function issuesOf(scheme: SchemeInput): string[] {
  const parsed = schemeSchema.safeParse(scheme);
  if (!parsed.success) return formatSchemeIssues(parsed.error, scheme);
  const compiled = compileScheme(parsed.data);
  return compiled.ok ? [] : compiled.issues;
}

const leaf = (code: string, points: number, extra: Record<string, unknown> = {}) => ({
  code,
  name: code,
  points,
  rule: { kind: 'manual' as const },
  ...extra,
});

describe('scheme validation (spec §1)', () => {
  it('accepts a valid scheme', () => {
    expect(issuesOf(manualScheme())).toEqual([]);
  });

  it('checks that children sum to their parent, naming the node', () => {
    expect(
      issuesOf(
        buildScheme({
          indicators: [
            {
              code: '1',
              name: '一',
              points: 40,
              children: [{ code: '1.2', name: 'x', points: 20, children: [leaf('1.2.1', 10), leaf('1.2.2', 8)] }, leaf('1.3', 15)],
            },
          ],
        }),
      ),
    ).toEqual(['指标 1.2:子项分值之和 18 ≠ 20', '指标 1:子项分值之和 35 ≠ 40']);
  });

  it('requires unique codes, rules on leaves only, children on the others', () => {
    const issues = issuesOf(
      buildScheme({
        indicators: [
          { code: '1', name: '一', points: 10, rule: { kind: 'manual' }, children: [leaf('1.1', 10)] },
          { code: '2', name: '二', points: 10, children: [{ code: '1.1', name: 'dup', points: 10 }] },
        ],
      }),
    );
    expect(issues).toEqual(['指标 1:有下级指标的节点不能有计分规则 rule', '指标编码 1.1 重复', '指标 1.1:末级指标必须有计分规则 rule']);
  });

  it('checks checklist sums, graded ranges and rule parameters', () => {
    const issues = issuesOf(
      buildScheme({
        indicators: [
          {
            code: '1',
            name: '一',
            points: 30,
            children: [
              {
                code: '1.1',
                name: 'c',
                points: 10,
                rule: {
                  kind: 'checklist',
                  items: [
                    { code: 'a', name: 'a', points: 4 },
                    { code: 'b', name: 'b', points: 5 },
                  ],
                },
              },
              {
                code: '1.2',
                name: 'g',
                points: 10,
                rule: {
                  kind: 'graded',
                  levels: [
                    { label: '优', points: 12 },
                    { label: '差', points: 0 },
                  ],
                },
              },
              { code: '1.3', name: 'r', points: 10, rule: { kind: 'rate', target: 90, perPointBelow: 0.5 }, pooledDeductions: true },
            ],
          },
        ],
      }),
    );
    expect(issues).toEqual([
      '指标 1.1:检查项分值之和 9 ≠ 10',
      '指标 1.2:等级 优 的分值 12 超出 [0, 10]',
      '指标 1.3:pooledDeductions(扣分合并计算)只能用于一级指标',
    ]);
  });

  it('rejects points with more than 3 decimals or below zero, naming the node (structure)', () => {
    const issues = issuesOf(buildScheme({ indicators: [{ code: '1', name: '一', points: 10.0001, children: [leaf('1.1', -1)] }] }));
    expect(issues).toEqual(['指标 1 points:最多三位小数', '指标 1.1 points:不能为负数']);
  });

  it('names unknown rule kinds and missing fields', () => {
    const raw = buildScheme({
      indicators: [
        { code: '1', name: '一', points: 10, children: [{ code: '1.1', name: 'x', points: 10, rule: { kind: 'guess' } as never }] },
      ],
    });
    expect(issuesOf(raw)).toEqual([
      '指标 1.1 rule.kind:计分规则 kind 应为 manual、binary、checklist、graded、rate、deduct 或 rectification 之一',
    ]);
  });

  it('checks bands, quota, annual weights, groups and event codes', () => {
    const issues = issuesOf(
      manualScheme({
        groups: [
          { code: 'A', name: 'a' },
          { code: 'A', name: 'again' },
        ],
        indicators: [{ code: '1', name: '一', points: 10, children: [leaf('1.1', 10, { appliesTo: { groups: ['C'] } })] }],
        grading: {
          bands: [
            { grade: '优秀', min: 90 },
            { grade: '良好', min: 90 },
            { grade: '合格', min: 60 },
          ],
          quota: { grade: '特优', maxPct: 30 },
        },
        annual: { periods: { Q1: 0.2, Q2: 0.2, Q3: 0.2, Q5: 0.3 } },
        vetoes: [{ code: 'V1', name: 'v', effect: 'fail' }],
        majorDeductions: [{ code: 'V1', name: 'dup', points: 1 }],
      }),
    );
    expect(issues).toEqual([
      '分组编码 A 重复',
      '指标 1.1:适用分组 C 不存在',
      '事项编码 V1 重复(否决项、加分项、重大扣分项的编码不能相同)',
      '等次 良好:最低分 90 应小于上一等次 优秀 的 90(须严格递减)',
      '等次 合格:最后一个等次的最低分必须为 0',
      '等次比例限制:等次 特优 不存在',
      '年度汇总:期次 Q5 应为 Q1、Q2、Q3 或 Q4',
      '年度汇总:各期权重之和 0.6 ≠ 1',
    ]);
  });

  it('accepts weights like 0.2 + 0.2 + 0.2 + 0.4 exactly (no float drift)', () => {
    const parsed = schemeSchema.parse(manualScheme({ annual: { periods: { Q1: 0.1, Q2: 0.2, Q3: 0.3, Q4: 0.4 } } }));
    const compiled = compileScheme(parsed);
    expect(compiled.ok && compiled.scheme.annual?.map((p) => p.weight)).toEqual([100, 200, 300, 400]);
  });

  it('compiles the applicability of a subtree onto its leaves', () => {
    const parsed = schemeSchema.parse(
      buildScheme({
        indicators: [
          {
            code: '1',
            name: '一',
            points: 10,
            appliesTo: { groups: ['A'], tags: ['t'] },
            children: [leaf('1.1', 10, { appliesTo: { tags: ['u'] } })],
          },
        ],
      }),
    );
    const compiled = compileScheme(parsed);
    const l = compiled.ok ? compiled.scheme.leafByCode.get('1.1') : undefined;
    expect(l && [...(l.groups ?? [])]).toEqual(['A']);
    expect(l?.tags).toEqual(['t', 'u']);
  });
});
