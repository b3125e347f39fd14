import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@kaoping/contracts/scoring/scheme';
import { formatSchemeRowError } from '@kaoping/contracts/scoring/scheme-proposal';
import { proposeScheme } from './propose-scheme';
import { readSchemeSource, SchemeImportError } from './read-scheme-source';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../fixtures/scheme/${name}`, import.meta.url)));
const propose = async (bytes: Uint8Array) => proposeScheme(await readSchemeSource(bytes), { year: 2026 });
const outline = (nodes: readonly IndicatorNode[]): string[] =>
  nodes.flatMap((n) => [
    `${n.code} ${n.name} ${n.points}${n.rule ? ` ${n.rule.kind}` : ''}${n.appliesTo?.groups ? ` [${n.appliesTo.groups.join(',')}]` : ''}`,
    ...outline(n.children ?? []),
  ]);

async function xlsx(rows: (string | number)[][], merges: [number, number, number, number][] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('细则');
  rows.forEach((r) => ws.addRow(r));
  for (const m of merges) ws.mergeCells(...m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('importing a 考核细则', () => {
  it('reads merged parents with points in brackets, 权重 column, merged 评分细则 (portal website table, .xlsx)', async () => {
    const p = await propose(fixture('district-portal-website-2023.xlsx'));
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(p.scheme.title).toBe('各区政府(管委会)门户网站考评指标及评分细则');
    expect(outline(p.scheme.indicators)).toEqual([
      '1 健康情况 15',
      '1.1 常态化监管 13',
      '1.1.1 可用情况 6 manual',
      '1.1.2 更新情况 6 manual',
      '1.1.3 商业广告 1 binary',
      '1.2 问题整改情况 2',
      '1.2.1 整改时间 1 binary',
      '1.2.2 整改质量 1 binary',
    ]);
    const broken = p.inferences.find((i) => i.code === '1.2.1');
    expect(broken).toMatchObject({ row: 6, confidence: 'inferred', source: '对监测抽查反馈问题未及时整改反馈的,此项不得分。' });
    // The merged 评分细则 cell is the source of both rows it covers.
    expect(p.inferences.find((i) => i.code === '1.1.2')?.source).toContain('发现问题按比重扣分');
  });

  it('reads per-group tables with a total row on top, section rows 一、二、 and merged departments (river-chief table, .docx)', async () => {
    const p = await propose(fixture('shicheng-2018-river-chief.docx'));
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(p.scheme.groups).toEqual([
      { code: 'G1', name: '县农粮局' },
      { code: 'G2', name: '县水利局' },
      { code: 'G3', name: '县环保局' },
    ]);
    const lines = outline(p.scheme.indicators);
    // The common part is shared by every group; each department's part applies to its group only.
    expect(lines.slice(0, 6)).toEqual([
      '1 通用考核项目(全部责任单位) 40',
      '1.1 组织领导 8 manual',
      '1.2 日常工作 7 manual',
      '1.3 宣传工作 10 manual',
      '1.4 新经验好做法 10 manual',
      '1.5 支持配合工作情况 5 binary',
    ]);
    expect(lines).toContain('2 部门履职差异考核项目(县农粮局) 60 [G1]');
    expect(lines).toContain('2.1.1.1 持续推进畜禽养殖污染控制 30 checklist');
    expect(lines).toContain('2.1.1.3 持续开展渔业资源保护专项整治 15 rate');
    expect(lines).toContain('3 部门履职差异考核项目(县水利局) 60 [G2]');
    expect(lines).toContain('4.1.1 县环保局 60 checklist');
    const rate = p.inferences.find((i) => i.code === '2.1.1.3');
    expect(rate?.rule).toEqual({ kind: 'rate', target: 100, perPointBelow: 0.15 });
    expect(rate?.reason).toContain('按完成比例得分');
    const list = p.inferences.find((i) => i.code === '4.1.1')?.rule;
    expect(list?.kind === 'checklist' ? list.items.map((i) => i.points) : null).toEqual([10, 20, 15, 15]);
    // Several parts with a deduction inside one of them is not unambiguous: left to the office.
    expect(p.inferences.find((i) => i.code === '1.2')).toMatchObject({ confidence: 'manual' });
  });

  it('reads one sheet per department with points only in the names (department indicators, .xlsx)', async () => {
    const p = await propose(fixture('district-department-indicators-2014.xlsx'));
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(outline(p.scheme.indicators)).toEqual([
      '1 经济运行信息 10.5 [G1]',
      '1.1 是否按月发布经济运行情况,发布解读社会关注的重要指标数据 10.5 checklist',
      '2 扶贫信息 10.5 [G2]',
      '2.1 是否公开扶贫清单和12317扶贫监督电话 4.5 checklist',
      '2.2 是否公开扶贫政策、扶贫对象、帮扶措施、扶贫成效、贫困退出、扶贫资金项目安排等信息 6 checklist',
    ]);
    const rule = p.inferences.find((i) => i.code === '1.1')?.rule;
    expect(rule).toEqual({
      kind: 'checklist',
      items: [
        { code: 'a', name: '发布经济运行情况', points: 5 },
        { code: 'b', name: '发布解读社会关注的重要指标数据', points: 5.5 },
      ],
    });
    expect(p.warnings.some((w) => w.includes('没有“分值”列'))).toBe(true);
  });

  it('refuses a published table whose parents do not add up, naming the rows', async () => {
    const p = await propose(fixture('website-performance-2009-truncated.xlsx'));
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.errors.map(formatSchemeRowError)).toEqual([
      '工作表“评估指标” 第2行:“主动公开”分值 27 分,下级指标合计 15.4 分,不一致',
      '工作表“评估指标” 第2行:“政府信息公开”分值 37 分,下级指标合计 27 分,不一致',
    ]);
  });

  it('reads department blocks under one parent in the published single table (river-chief table as published, .docx)', async () => {
    const p = await propose(fixture('shicheng-2018-river-chief-single-table.docx'));
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    // Hand-checked against the source: part 一 (40) for every department, part 二's 60 points per
    // department (县农粮局 30+15+15, 县水利局 15+20+15+10, 县环保局 60), the 总分 row 100 per group.
    expect(p.scheme.groups).toEqual([
      { code: 'G1', name: '县农粮局' },
      { code: 'G2', name: '县水利局' },
      { code: 'G3', name: '县环保局' },
    ]);
    expect(outline(p.scheme.indicators)).toEqual([
      '1 通用考核项目(全部责任单位) 40',
      '1.1 组织领导 8 manual',
      '1.2 日常工作 7 manual',
      '1.3 宣传工作 10 manual',
      '1.4 新经验好做法 10 manual',
      '1.5 支持配合工作情况 5 binary',
      '2 部门履职差异考核项目(县农粮局) 60 [G1]',
      '2.1 重点考核部门 60',
      '2.1.1 县农粮局 60',
      '2.1.1.1 持续推进畜禽养殖污染控制 30 checklist',
      '2.1.1.2 持续推进农业化肥、农药减量化治理 15 checklist',
      '2.1.1.3 持续开展渔业资源保护专项整治 15 rate',
      '3 部门履职差异考核项目(县水利局) 60 [G2]',
      '3.1 重点考核部门 60',
      '3.1.1 县水利局 60',
      '3.1.1.1 持续开展非法设置入河库排污口专项整治 15 checklist',
      '3.1.1.2 持续开展侵占河湖水域及岸线专项整治 20 manual',
      '3.1.1.3 持续开展非法采砂专项整治 15 checklist',
      '3.1.1.4 持续加强饮用水源及水库水环境综合整治 10 manual',
      '4 部门履职差异考核项目(县环保局) 60 [G3]',
      '4.1 重点考核部门 60',
      '4.1.1 县环保局 60 checklist',
    ]);
    // The same scheme as the per-department form of the same source.
    const perTable = await propose(fixture('shicheng-2018-river-chief.docx'));
    expect(perTable.ok && outline(perTable.scheme.indicators)).toEqual(outline(p.scheme.indicators));
    expect(p.warnings[0]).toBe('第1个表格:“部门履职差异考核项目”下按单位分块(县农粮局、县水利局、县环保局),每块 60 分,按单位分组导入');
  });

  it('reads a weight column per level (宝鸡 2020, .xlsx) and refuses the published excerpt whose weights cannot make 100 %', async () => {
    const p = await propose(fixture('baoji-2020-county-weights-excerpt.xlsx'));
    expect(p.ok ? [] : p.errors.map(formatSchemeRowError)).toEqual(['工作表“县区政府版” 第3行:一级指标权重合计 40%,应为 100%']);
    // The same layout with every level's weights adding up (made-up rows, the source's columns).
    const header = ['一级指标', '权重', '二级指标', '权重', '三级指标', '权重', '四级指标', '权重', '评  估  点', '权重', '采样方式'];
    const complete = await propose(
      await xlsx([
        header,
        ['一、政府信息公开', '40%', '(一)主动公开', '70%', '会议公开', '10%', '制度建立与落实', '30%', '是否建立列席制度', '100%', '材料'],
        ['一、政府信息公开', '40%', '(一)主动公开', '70%', '会议公开', '10%', '会议公开情况', '70%', '是否公开会议', '100%', '网站'],
        ['一、政府信息公开', '40%', '(一)主动公开', '70%', '重点领域', '90%', '财政预决算', '100%', '是否公开预决算', '100%', '网站'],
        ['一、政府信息公开', '40%', '(二)依申请公开', '30%', '答复规范', '100%', '答复期限', '100%', '未按期答复不得分', '100%', '模拟'],
        ['二、平台建设', '60%', '(一)政府网站', '100%', '网站', '100%', '首页更新', '100%', '每发现一处未更新扣1分', '100%', '网站'],
      ]),
    );
    if (!complete.ok) throw new Error(complete.errors.map(formatSchemeRowError).join('\n'));
    expect(outline(complete.scheme.indicators)).toEqual([
      '1 一、政府信息公开 40',
      '1.1 (一)主动公开 28',
      '1.1.1 会议公开 2.8',
      '1.1.1.1 制度建立与落实 0.84 manual',
      '1.1.1.2 会议公开情况 1.96 manual',
      '1.1.2 重点领域 25.2',
      '1.1.2.1 财政预决算 25.2 manual',
      '1.2 (二)依申请公开 12',
      '1.2.1 答复规范 12',
      '1.2.1.1 答复期限 12 binary',
      '2 二、平台建设 60',
      '2.1 (一)政府网站 60',
      '2.1.1 网站 60',
      '2.1.1.1 首页更新 60 deduct',
    ]);
  });

  it('reads a notice with its table after the text (2010 乡镇街道考评细则, .docx): 40分 points, two deduction amounts left to the office', async () => {
    const p = await propose(fixture('township-2010-info-disclosure-excerpt.docx'));
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(p.scheme.title).toBe('2010年乡镇街道政府信息公开考评细则');
    expect(outline(p.scheme.indicators)).toEqual(['1 主动公开信息的数量 40 manual', '2 主动公开信息的质量 45 manual']);
    // 扣5分(扣完为止) per month short and 扣10分 per blank month: two amounts, so no single rule.
    expect(p.inferences.map((i) => i.reason)).toEqual([
      '评分说明含多个扣分标准(10分、5分),无法唯一确定,按人工评分',
      '评分说明中没有可明确识别的计分方式,按人工评分',
    ]);
    expect(p.inferences[0]?.source).toContain('出现一个月扣5分,扣完为止');
  });

  it('reads the common layout: 序号 | 一级 | 二级 | 考核内容 | 分值 "10分" | 评分方法, with a 合计 row', async () => {
    const bytes = await xlsx(
      [
        ['2026年度政务公开工作考核评分细则'],
        ['序号', '一级指标', '二级指标', '考核内容', '分值', '评分方法'],
        ['1', '主动公开(30分)', '栏目更新', '按时更新', '20分', '每发现一处未更新扣0.5分,扣完为止'],
        ['2', '', '年度报告', '按时发布', '10分', '未按时发布年度报告的不得分'],
        ['3', '依申请公开', '答复规范', '规范答复', '60', '按规范答复件数比例计分'],
        ['4', '问题整改', '按期整改', '整改', '10', '未按期整改的每项扣2分,整改不到位的每项扣2分'],
        ['合计', '', '', '', '100分', ''],
      ],
      [
        [1, 1, 1, 6],
        [3, 2, 4, 2],
        [5, 2, 5, 3],
      ],
    );
    const p = await propose(bytes);
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(p.scheme.title).toBe('2026年度政务公开工作考核评分细则');
    expect(outline(p.scheme.indicators)).toEqual([
      '1 主动公开 30',
      '1.1 栏目更新 20 deduct',
      '1.2 年度报告 10 binary',
      '2 依申请公开 60 rate',
      '3 问题整改 10',
      '3.1 按期整改 10 rectification',
    ]);
    expect(p.inferences.map((i) => [i.code, i.rule])).toEqual([
      ['1.1', { kind: 'deduct', perFinding: 0.5 }],
      ['1.2', { kind: 'binary' }],
      ['2', { kind: 'rate', target: 100, perPointBelow: 0.6 }],
      ['3.1', { kind: 'rectification', perLate: 2, perRejected: 2 }],
    ]);
    expect(p.inferences[0]?.reason).toBe('“每发现一处未更新扣0.5分”(“扣完为止”) → 每处扣 0.5 分,扣完为止(最多扣 20 分)');
  });

  it('reads the layout named by the issue: 考核内容/评分标准 beside a separate 评分方法/说明 column (the latter is the method)', async () => {
    const bytes = await xlsx([
      ['序号', '一级指标', '二级指标', '考核内容/评分标准', '分值', '评分方法/说明'],
      ['1', '主动公开', '栏目更新', '及时更新政府信息公开专栏', '60', '每发现一处未更新扣1分'],
      ['2', '政策解读', '解读发布', '重要政策文件同步解读', '40', '未同步解读的不得分'],
    ]);
    const p = await propose(bytes);
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(outline(p.scheme.indicators)).toEqual(['1 主动公开 60', '1.1 栏目更新 60 deduct', '2 政策解读 40', '2.1 解读发布 40 binary']);
    expect(p.inferences.map((i) => i.source)).toEqual(['每发现一处未更新扣1分', '未同步解读的不得分']);
  });

  it('reads 一票否决, 加分项 and 重大扣分项 sections as vetoes, bonus items and major deductions outside the total', async () => {
    const bytes = await xlsx(
      [
        ['序号', '一级指标', '二级指标', '分值', '评分标准'],
        ['1', '主动公开', '栏目更新', '60', '每发现一处扣1分'],
        ['2', '依申请公开', '答复规范', '40', ''],
        ['3', '加分项(最高5分)', '经验做法被省级以上推广', '2', ''],
        ['4', '', '获市级以上表扬', '', '每次加1分'],
        ['5', '一票否决', '发生泄密等严重问题', '', '考核结果为不合格'],
        ['6', '重大扣分项', '被上级通报批评', '', '扣10分'],
        ['合计', '', '', '100', ''],
      ],
      [[4, 2, 5, 2]],
    );
    const p = await propose(bytes);
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(outline(p.scheme.indicators)).toEqual(['1 主动公开 60', '1.1 栏目更新 60 deduct', '2 依申请公开 40', '2.1 答复规范 40 manual']);
    expect(p.scheme.bonus).toEqual({
      gate: 0,
      cap: 5,
      items: [
        { code: 'J1', name: '经验做法被省级以上推广', points: 2 },
        { code: 'J2', name: '获市级以上表扬', points: 1 },
      ],
    });
    expect(p.scheme.vetoes).toEqual([{ code: 'V1', name: '发生泄密等严重问题', effect: 'fail' }]);
    expect(p.scheme.majorDeductions).toEqual([{ code: 'Z1', name: '被上级通报批评', points: 10 }]);
    expect(p.warnings.some((w) => w.includes('否决项'))).toBe(true);
  });

  it('refuses points that do not add up or cannot be read, with row-level Chinese errors', async () => {
    const bytes = await xlsx([
      ['序号', '一级指标', '二级指标', '分值', '评分标准'],
      ['1', '主动公开(30)', '栏目更新', '20', ''],
      ['2', '主动公开(30)', '年度报告', '十分', ''],
      ['3', '依申请公开', '答复规范', '', ''],
      ['合计', '', '', '100分', ''],
    ]);
    const p = await propose(bytes);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.errors.map(formatSchemeRowError)).toEqual([
      '工作表“细则” 第3行:分值“十分”无法识别(应写作 10、10分、0-5分、最高10分 或 20%)',
      '工作表“细则” 第2行:“主动公开”分值 30 分,下级指标合计 20 分,不一致',
      '工作表“细则” 第4行:指标“答复规范”没有分值',
    ]);
  });

  it('refuses a total row that disagrees with the level-1 indicators', async () => {
    const p = await propose(
      await xlsx([
        ['一级指标', '分值'],
        ['主动公开', '40'],
        ['依申请公开', '50'],
        ['合计', '100'],
      ]),
    );
    expect(p.ok ? [] : p.errors.map(formatSchemeRowError)).toEqual(['工作表“细则” 第4行:合计 100 分与各一级指标之和 90 分不一致']);
  });

  it('reads point ranges and caps written in the points and method cells', async () => {
    const bytes = await xlsx([
      ['序号', '一级指标', '二级指标', '分值', '评分标准'],
      ['1', '主动公开', '栏目更新', '0-5分', '每发现一处未更新扣1分'],
      ['2', '主动公开', '政策解读', '最高10分', '每缺少一篇解读扣2分,扣完为止'],
      ['3', '主动公开', '公开载体', '5分(每项1分)', '微博、微信、公开栏、电子屏、便民手册'],
      ['4', '主动公开', '新闻发布', '6', '一项可得2分,最高不超过6分'],
      ['5', '依申请公开', '答复期限', '10分', '每超期一件扣2分,最多扣4分'],
      ['6', '依申请公开', '答复规范', '10分,扣完为止', '每发现一处不规范扣1分'],
    ]);
    const p = await propose(bytes);
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(outline(p.scheme.indicators)).toEqual([
      '1 主动公开 26',
      '1.1 栏目更新 5 deduct',
      '1.2 政策解读 10 deduct',
      '1.3 公开载体 5 deduct',
      '1.4 新闻发布 6 deduct',
      '2 依申请公开 20',
      '2.1 答复期限 10 manual',
      '2.2 答复规范 10 deduct',
    ]);
    const byCode = new Map(p.inferences.map((i) => [i.code, i]));
    expect(byCode.get('1.1')?.rule).toEqual({ kind: 'deduct', perFinding: 1 });
    expect(byCode.get('1.2')?.rule).toEqual({ kind: 'deduct', perFinding: 2 });
    expect(byCode.get('1.3')).toMatchObject({
      rule: { kind: 'deduct', perFinding: 1 },
      source: '每项1分;微博、微信、公开栏、电子屏、便民手册',
    });
    expect(byCode.get('1.3')?.reason).toBe('“每项1分”,共 5 分 → 满分需 5 项,每少一项扣 1 分(扣完为止)');
    expect(byCode.get('1.4')?.reason).toBe('“一项可得2分”、“最高不超过6分”,共 6 分 → 满分需 3 项,每少一项扣 2 分(扣完为止)');
    // A cap below the leaf's points cannot be written as a rule: left to the office, saying why.
    expect(byCode.get('2.1')?.reason).toContain('最多扣 4 分,少于本项 10 分');
    expect(byCode.get('2.2')?.reason).toBe('“每发现一处不规范扣1分”(“扣完为止”) → 每处扣 1 分,扣完为止(最多扣 10 分)');
    expect(p.warnings).toContain('工作表“细则” 第2行:分值“0-5分”是区间,按最高 5 分计(评分时在区间内酌情给分)');
    expect(p.warnings).toContain('工作表“细则” 第3行:分值“最高10分”按最高 10 分计');

    // Without a points column: the range in the name, or the points stated in the wording.
    const named = await propose(
      await xlsx([
        ['一级指标', '二级指标', '评分标准'],
        ['主动公开(计15分)', '栏目更新(0-5分)', '每发现一处未更新扣1分'],
        ['主动公开(计15分)', '政策解读', '满分10分,每缺少一篇解读扣2分'],
      ]),
    );
    if (!named.ok) throw new Error(named.errors.map(formatSchemeRowError).join('\n'));
    expect(outline(named.scheme.indicators)).toEqual(['1 主动公开 15', '1.1 栏目更新 5 deduct', '1.2 政策解读 10 deduct']);
    expect(named.warnings).toContain('工作表“细则” 第3行:“政策解读”的分值取自评分标准中的“满分10分”');
  });

  it('turns percentage weights into points on a 100 scale: level-1 percents, shares of the parent, 权重 in the name', async () => {
    const bytes = await xlsx([
      ['一级指标', '二级指标', '权重', '评分标准'],
      ['信息公开(权重40%)', '主动公开', '50%', '每发现一处扣1分'],
      ['信息公开(权重40%)', '依申请公开', '50%', ''],
      ['平台建设(权重60%)', '网站', '70%', ''],
      ['平台建设(权重60%)', '新媒体', '30%', '未开设不得分'],
      ['合计', '', '100%', ''],
    ]);
    const p = await propose(bytes);
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(outline(p.scheme.indicators)).toEqual([
      '1 信息公开 40',
      '1.1 主动公开 20 deduct',
      '1.2 依申请公开 20 manual',
      '2 平台建设 60',
      '2.1 网站 42 manual',
      '2.2 新媒体 18 binary',
    ]);
    expect(p.inferences.find((i) => i.code === '2.1')?.reason).toContain('分值:权重 70% × 上级 60 分 = 42 分');
    expect(p.warnings.some((w) => w.includes('由权重(百分比)换算为百分制分值'))).toBe(true);

    // A 分值 column of percents whose level-1 rows add up to 100 % (children as shares of the whole).
    const whole = await propose(
      await xlsx([
        ['一级指标', '二级指标', '分值'],
        ['主动公开', '', '30%'],
        ['主动公开', '政策文件', '20%'],
        ['主动公开', '政策解读', '10%'],
        ['依申请公开', '', '70%'],
        ['依申请公开', '答复', '70%'],
      ]),
    );
    if (!whole.ok) throw new Error(whole.errors.map(formatSchemeRowError).join('\n'));
    expect(outline(whole.scheme.indicators)).toEqual([
      '1 主动公开 30',
      '1.1 政策文件 20 manual',
      '1.2 政策解读 10 manual',
      '2 依申请公开 70',
      '2.1 答复 70 manual',
    ]);

    const bad = await propose(
      await xlsx([
        ['一级指标', '二级指标', '权重'],
        ['主动公开(权重40%)', '政策文件', '60%'],
        ['主动公开(权重40%)', '政策解读', '30%'],
        ['依申请公开(权重50%)', '答复', '100%'],
      ]),
    );
    expect(bad.ok ? [] : bad.errors.map(formatSchemeRowError)).toEqual(['工作表“细则” 第2行:一级指标权重合计 90%,应为 100%']);
  });

  it('reads groups named in a 责任单位 column: rows naming none apply to every group', async () => {
    const bytes = await xlsx([
      ['序号', '一级指标', '二级指标', '分值', '评分标准', '责任单位'],
      ['1', '主动公开', '政策文件', '40', '每发现一处扣1分', ''],
      ['2', '基层公开', '村务公开', '60', '未公开不得分', '乡镇'],
      ['3', '重点领域', '财政预决算', '30', '', '县区、市直部门'],
      ['4', '重点领域', '重大项目', '30', '', '县区'],
      ['5', '重点领域', '部门预算', '30', '', '市直部门'],
    ]);
    const p = await propose(bytes);
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(p.scheme.groups).toEqual([
      { code: 'G1', name: '乡镇' },
      { code: 'G2', name: '县区' },
      { code: 'G3', name: '市直部门' },
    ]);
    expect(outline(p.scheme.indicators)).toEqual([
      '1 主动公开 40',
      '1.1 政策文件 40 deduct',
      '2 基层公开 60 [G1]',
      '2.1 村务公开 60 binary',
      '3 重点领域(县区) 60 [G2]',
      '3.1 财政预决算 30 manual',
      '3.2 重大项目 30 manual',
      '4 重点领域(市直部门) 60 [G3]',
      '4.1 财政预决算 30 manual',
      '4.2 部门预算 30 manual',
    ]);
    expect(p.warnings.some((w) => w.includes('“责任单位”列分出 3 个分组(乡镇、县区、市直部门)'))).toBe(true);
  });

  it('reads department blocks under one parent in a single table (each block its own points) as one group per department', async () => {
    // The 石城县 2018 river-chief table in its published single-table form: part 二 (60 points)
    // lists each department's own 60 points under 重点考核部门.
    const bytes = await xlsx(
      [
        ['序号', '考核项目', '', '各项分值', '考核内容', '评分标准'],
        ['', '总分', '', '100', '', ''],
        ['一、', '通用考核项目(全部责任单位)', '', '40', '', ''],
        ['1', '组织领导', '', '40', '组织领导', '积极配合各乡镇开展“河长制”工作(40分)。'],
        ['二、', '部门履职差异考核项目', '', '60', '', ''],
        ['2', '重点考核部门', '县农粮局', '30', '持续推进畜禽养殖污染控制', '建立畜禽养殖污染台账,未建立不得分'],
        ['', '', '', '30', '持续开展渔业资源保护专项整治', '按完成比例得分'],
        ['3', '', '县水利局', '60', '持续开展非法采砂专项整治', '每发现一处未处理扣2分'],
      ],
      [
        [1, 2, 1, 3],
        [2, 2, 2, 3],
        [3, 2, 3, 3],
        [4, 2, 4, 3],
        [5, 2, 5, 3],
        [6, 2, 8, 2],
        [6, 3, 7, 3],
      ],
    );
    const p = await propose(bytes);
    if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
    expect(p.scheme.groups).toEqual([
      { code: 'G1', name: '县农粮局' },
      { code: 'G2', name: '县水利局' },
    ]);
    expect(outline(p.scheme.indicators)).toEqual([
      '1 通用考核项目(全部责任单位) 40',
      '1.1 组织领导 40 manual',
      '2 部门履职差异考核项目(县农粮局) 60 [G1]',
      '2.1 重点考核部门 60',
      '2.1.1 县农粮局 60',
      '2.1.1.1 持续推进畜禽养殖污染控制 30 binary',
      '2.1.1.2 持续开展渔业资源保护专项整治 30 rate',
      '3 部门履职差异考核项目(县水利局) 60 [G2]',
      '3.1 重点考核部门 60',
      '3.1.1 县水利局 60 deduct',
    ]);
    expect(p.warnings.some((w) => w.includes('“部门履职差异考核项目”下按单位分块(县农粮局、县水利局),每块 60 分'))).toBe(true);
  });

  it('reads the old formats: .xls (Excel 97) with its merged cells, .doc (Word 97) tables rebuilt from the cell marks', async () => {
    const fromXlsx = await propose(fixture('district-portal-website-2023.xlsx'));
    const fromXls = await propose(fixture('district-portal-website-2023.xls'));
    if (!fromXls.ok || !fromXlsx.ok) throw new Error('not read');
    expect(outline(fromXls.scheme.indicators)).toEqual(outline(fromXlsx.scheme.indicators));
    expect(fromXls.scheme.title).toBe('各区政府(管委会)门户网站考评指标及评分细则');
    expect(fromXls.inferences.map((i) => [i.code, i.row, i.rule.kind])).toEqual(
      fromXlsx.inferences.map((i) => [i.code, i.row, i.rule.kind]),
    );

    // Word 97 keeps no grid: vertical merges come back empty (names carried down), the heading over
    // two columns comes back as one cell (widened again); the tree is the .docx's.
    const fromDocx = await propose(fixture('shicheng-2018-river-chief.docx'));
    const fromDoc = await propose(fixture('shicheng-2018-river-chief.doc'));
    if (!fromDoc.ok || !fromDocx.ok) throw new Error(fromDoc.ok ? 'docx not read' : fromDoc.errors.map(formatSchemeRowError).join('\n'));
    expect((await readSchemeSource(fixture('shicheng-2018-river-chief.doc'))).kind).toBe('doc');
    expect(outline(fromDoc.scheme.indicators)).toEqual(outline(fromDocx.scheme.indicators));
    expect(fromDoc.scheme.groups).toEqual(fromDocx.scheme.groups);
    expect(fromDoc.inferences.map((i) => i.rule)).toEqual(fromDocx.inferences.map((i) => i.rule));
    expect(fromDoc.warnings[0]).toBe(
      '旧版 Word 文件(.doc)的表格按单元格标记还原:合并单元格的位置是推断的,如有误读,请在 Word 中另存为 .docx 后再导入',
    );

    // One 重点考核部门 cell merged down every department's block, lost in Word 97 and carried down again.
    for (const name of ['shicheng-2018-river-chief-single-table', 'township-2010-info-disclosure-excerpt']) {
      const docx = await propose(fixture(`${name}.docx`));
      const doc = await propose(fixture(`${name}.doc`));
      if (!doc.ok || !docx.ok) throw new Error(doc.ok ? `${name}.docx not read` : doc.errors.map(formatSchemeRowError).join('\n'));
      expect({ title: doc.scheme.title, groups: doc.scheme.groups, tree: outline(doc.scheme.indicators) }).toEqual({
        title: docx.scheme.title,
        groups: docx.scheme.groups,
        tree: outline(docx.scheme.indicators),
      });
    }
  });

  it('refuses an old file it cannot read with a Chinese message that says to save it as .docx/.xlsx', async () => {
    await expect(readSchemeSource(fixture('legacy-no-table.doc'))).rejects.toThrow(
      '旧版 Word 文档(.doc)中没有读到表格;请在 Word 或 Excel 中打开后“另存为” .docx 或 .xlsx,再导入',
    );
    // A damaged Word 97 file (its header's sector tables zeroed): the reader fails, the message says what to do.
    const cut = fixture('shicheng-2018-river-chief.doc');
    cut.fill(0, 0x30, 0x50);
    await expect(readSchemeSource(cut)).rejects.toThrow(/^无法读取旧版 Word 文档\(\.doc\):.*另存为” \.docx 或 \.xlsx,再导入$/);
    // An OLE file that is neither Word nor Excel (e.g. a .msg or a PowerPoint 97 file).
    const other = new Uint8Array(1024);
    other.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readSchemeSource(other)).rejects.toThrow(
      '既不是 Word(.doc)也不是 Excel(.xls)文档,无法读取;请在 Word 或 Excel 中打开后“另存为”',
    );
  });

  it('refuses files that are not a 细则 before opening them', async () => {
    await expect(readSchemeSource(new TextEncoder().encode('序号,一级指标'))).rejects.toThrow(SchemeImportError);
    await expect(readSchemeSource(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).rejects.toThrow('旧版');
    const noTable = await propose(await xlsx([['说明'], ['本表无指标']]));
    expect(noTable.ok ? null : noTable.errors[0]?.message).toContain('没有找到考核细则表格');
  });
});
