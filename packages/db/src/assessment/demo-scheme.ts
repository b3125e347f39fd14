// The demo city's scheme (江临市政务公开工作考核评分细则), in the style of the published sheets:
// five level-1 indicators, twenty leaves of every rule kind, group and tag applicability,
// not-applicable at a fixed rate, pooled deductions, vetoes, bonus and major deductions,
// four grades with a 30% quota for 优秀, quarterly weights for the year. (A leaf that does not
// apply by group or tag is excluded; 5.2 marked na by the assessor counts at 80%.)
import type { Scheme } from '@kaoping/contracts/scoring/scheme';

const graded = (top: number, levels: [number, number, number]) => ({
  kind: 'graded' as const,
  levels: [
    { label: '优', points: top },
    { label: '良', points: levels[0] },
    { label: '中', points: levels[1] },
    { label: '差', points: levels[2] },
  ],
});

/** The scheme for 2025; 2026 tightens the website deduction and renames one bonus item. */
export function buildDemoScheme(year: 2025 | 2026): Scheme {
  return {
    code: `JL-${year}`,
    title: `江临市${year}年度政务公开工作考核评分细则`,
    year,
    groups: [
      { code: 'A', name: '县(市、区)政府' },
      { code: 'B1', name: '市直部门(承担重点领域)' },
      { code: 'B2', name: '市直部门(其他)' },
      { code: 'C', name: '乡镇(街道)' },
    ],
    indicators: [
      {
        code: '1',
        name: '主动公开',
        points: 35,
        children: [
          {
            code: '1.1',
            name: '政策文件',
            points: 14,
            children: [
              {
                code: '1.1.1',
                name: '规范性文件及解读公开',
                points: 6,
                rule: {
                  kind: 'checklist',
                  items: [
                    { code: 'a', name: '全文公开', points: 2 },
                    { code: 'b', name: '一一对应解读', points: 2 },
                    { code: 'c', name: '有效性标注', points: 2 },
                  ],
                },
              },
              { code: '1.1.2', name: '政策文件栏目更新', points: 5, rule: { kind: 'deduct', perFinding: 1 } },
              { code: '1.1.3', name: '规范性文件库建设', points: 3, rule: { kind: 'binary' } },
            ],
          },
          {
            code: '1.2',
            name: '重点领域信息公开',
            points: 10,
            appliesTo: { groups: ['A', 'B1'] },
            children: [
              { code: '1.2.1', name: '财政预决算公开', points: 5, rule: graded(5, [4, 3, 0]) },
              { code: '1.2.2', name: '重大建设项目信息公开', points: 5, rule: graded(5, [4, 3, 0]) },
            ],
          },
          {
            code: '1.3',
            name: '政务动态',
            points: 6,
            children: [
              { code: '1.3.1', name: '动态信息发布及时率', points: 3, rule: { kind: 'rate', target: 100, perPointBelow: 0.2 } },
              { code: '1.3.2', name: '通知公告栏目更新', points: 3, rule: { kind: 'deduct', perFinding: 0.5 } },
            ],
          },
          {
            code: '1.4',
            name: '基层政务公开',
            points: 5,
            appliesTo: { groups: ['C'] },
            children: [
              {
                code: '1.4.1',
                name: '基层政务公开标准目录',
                points: 3,
                rule: {
                  kind: 'checklist',
                  items: [
                    { code: 'a', name: '事项目录', points: 1 },
                    { code: 'b', name: '公开标准', points: 1 },
                    { code: 'c', name: '公开流程', points: 1 },
                  ],
                },
              },
              {
                code: '1.4.2',
                name: '标准化规范化试点成效',
                points: 2,
                appliesTo: { tags: ['基层政务公开标准化规范化'] },
                rule: { kind: 'binary' },
              },
            ],
          },
        ],
      },
      {
        code: '2',
        name: '依申请公开',
        points: 20,
        pooledDeductions: true,
        children: [
          { code: '2.1', name: '答复期限', points: 8, rule: { kind: 'deduct', perFinding: 2 } },
          { code: '2.2', name: '答复规范性', points: 8, rule: { kind: 'manual' } },
          { code: '2.3', name: '行政复议诉讼纠错', points: 4, rule: { kind: 'deduct', perFinding: 2 } },
        ],
      },
      {
        code: '3',
        name: '平台建设',
        points: 20,
        children: [
          { code: '3.1', name: '政府网站与政务新媒体', points: 8, rule: { kind: 'deduct', perFinding: year === 2025 ? 0.5 : 1 } },
          {
            code: '3.2',
            name: '政府信息公开专栏',
            points: 6,
            rule: {
              kind: 'checklist',
              items: [
                { code: 'a', name: '公开指南', points: 2 },
                { code: 'b', name: '公开目录', points: 2 },
                { code: 'c', name: '年度报告', points: 2 },
              ],
            },
          },
          { code: '3.3', name: '互动回应', points: 6, rule: graded(6, [5, 3, 0]) },
        ],
      },
      {
        code: '4',
        name: '政策解读与回应关切',
        points: 10,
        children: [
          { code: '4.1', name: '政策解读质量', points: 5, rule: { kind: 'manual' } },
          { code: '4.2', name: '热点回应', points: 5, rule: graded(5, [4, 2, 0]) },
        ],
      },
      {
        code: '5',
        name: '监督保障',
        points: 15,
        children: [
          { code: '5.1', name: '年度报告按时发布', points: 4, rule: { kind: 'binary' } },
          {
            code: '5.2',
            name: '年度报告数据勾稽一致',
            points: 4,
            na: { rate: 0.8 },
            rule: { kind: 'rate', target: 100, perPointBelow: 0.1 },
          },
          { code: '5.3', name: '问题整改', points: 7, rule: { kind: 'rectification', perLate: 2, perRejected: 1 } },
        ],
      },
    ],
    vetoes: [
      { code: 'V1', name: '发生泄密等严重问题', effect: 'fail' },
      { code: 'V2', name: '网站首页两周以上未更新', effect: 'cap', capTo: 59 },
    ],
    bonus: {
      gate: 80,
      cap: 5,
      items: [
        { code: 'J1', name: '经验做法被省级以上推广', points: 3 },
        { code: 'J2', name: year === 2025 ? '获市级以上表扬' : '获市政府及以上表扬', points: 1 },
        { code: 'J3', name: '政务公开创新案例入选', points: 2 },
      ],
    },
    majorDeductions: [
      { code: 'Z1', name: '被上级通报批评', points: 5 },
      { code: 'Z2', name: '政府信息公开行政诉讼败诉', points: 3 },
    ],
    grading: {
      bands: [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 80 },
        { grade: '合格', min: 60 },
        { grade: '不合格', min: 0 },
      ],
      quota: { grade: '优秀', maxPct: 30 },
    },
    annual: { periods: { Q1: 0.2, Q2: 0.2, Q3: 0.2, Q4: 0.4 } },
  };
}
