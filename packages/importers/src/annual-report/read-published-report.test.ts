import { describe, expect, it } from 'vitest';
import { readPublishedReport } from './read-published-report';

describe('readPublishedReport', () => {
  it('returns the part texts and the publication date with the cells, also from crawler text on one line', async () => {
    const text =
      '当前位置: 首页 发布时间：2025-01-20 打印本页淮安市人民政府2024年政府信息公开工作年度报告一、总体情况全市共受理政府信息公开申请3件。二、主动公开政府信息情况第二十条第（一）项三、收到和处理政府信息公开申请情况四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况队伍建设还需加强。六、其他需要报告的事项未收取信息处理费。';
    const report = await readPublishedReport(text);
    expect(report.publishedAt).toBe('2025-01-20');
    expect(report.parts).toEqual({ one: '全市共受理政府信息公开申请3件。', five: '队伍建设还需加强。', six: '未收取信息处理费。' });
    expect(report.parsed.meta.unit).toBe('淮安市人民政府');
  });

  it('keeps the original wording of whole lines and has no date when none is printed', async () => {
    const report = await readPublishedReport(
      '某镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开，共发布信息12条。\n五、存在的主要问题及改进情况\n无。',
    );
    expect(report.publishedAt).toBeNull();
    expect(report.parts.one).toBe('（一）主动公开，共发布信息12条。');
    expect(report.parts.six).toBe('');
  });
});
