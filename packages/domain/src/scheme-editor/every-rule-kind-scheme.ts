// A scheme that uses every part of the format (spec scoring.md §1): every leaf rule kind, groups
// and tags in appliesTo, both `na` policies, pooled deductions, vetoes of both effects, bonus
// with gate and cap, major deductions, bands with a quota and annual weights. Round-trip tests
// (editor, document export/import) start from it.
import type { Scheme } from '@kaoping/contracts/scoring/scheme';

export const everyRuleKindScheme: Scheme = {
  code: 'JL-2026',
  title: '江临市2026年度政务公开工作考核评分细则',
  year: 2026,
  groups: [
    { code: 'A', name: '县(市、区)政府' },
    { code: 'B1', name: '市直部门(承担重点领域)' },
    { code: 'B2', name: '市直部门(其他)' },
  ],
  indicators: [
    {
      code: '1',
      name: '主动公开',
      points: 40,
      children: [
        {
          code: '1.1',
          name: '规范性文件及解读',
          points: 10,
          rule: {
            kind: 'checklist',
            items: [
              { code: 'a', name: '全文公开', points: 4 },
              { code: 'b', name: '一一对应解读', points: 4 },
              { code: 'c', name: '有效性标注', points: 2 },
            ],
          },
        },
        { code: '1.2', name: '栏目更新及时准确', points: 20, rule: { kind: 'deduct', perFinding: 0.5 } },
        {
          code: '1.3',
          name: '重点领域信息',
          points: 10,
          appliesTo: { groups: ['A', 'B1'], tags: ['重点领域'] },
          na: 'exclude',
          rule: {
            kind: 'graded',
            levels: [
              { label: '优', points: 10 },
              { label: '良', points: 8 },
              { label: '中', points: 6 },
              { label: '差', points: 0 },
            ],
          },
        },
      ],
    },
    {
      code: '2',
      name: '依申请公开',
      points: 30,
      pooledDeductions: true,
      children: [
        { code: '2.1', name: '答复期限', points: 15, rule: { kind: 'deduct', perFinding: 5 } },
        { code: '2.2', name: '答复规范', points: 15, rule: { kind: 'manual' } },
      ],
    },
    {
      code: '3',
      name: '年度报告',
      points: 10,
      children: [
        { code: '3.1', name: '按时发布', points: 5, rule: { kind: 'binary' } },
        { code: '3.2', name: '数据勾稽一致', points: 5, na: { rate: 0.8 }, rule: { kind: 'rate', target: 95, perPointBelow: 0.25 } },
      ],
    },
    {
      code: '4',
      name: '问题整改',
      points: 20,
      children: [{ code: '4.1', name: '按期整改', points: 20, rule: { kind: 'rectification', perLate: 2, perRejected: 1 } }],
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
      { code: 'J1', name: '经验做法被省级以上推广', points: 2 },
      { code: 'J2', name: '获市级以上表扬', points: 1 },
    ],
  },
  majorDeductions: [{ code: 'Z1', name: '被上级通报批评', points: 10 }],
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
