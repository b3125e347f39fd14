import { describe, expect, it } from 'vitest';
import { findNarrativeFigures, findSections, findUnitAndYear, splitInlineHeadings } from './read-meta';
import { splitLines } from './source-line';

describe('findSections', () => {
  it('keys on numeral and keyword, not the numeral alone', () => {
    const text = [
      '一、总体情况',
      '二是主动公开各类文件',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、结转下年度继续办理 0 0 0 0 0 0 0',
      '四、政府信息公开行政复议、行政诉讼情况',
      '## 五、存在的主要问题及改进情况',
      '**六、其他需要报告的事项**',
      '七、收费及减免情况',
    ].join('\n');
    const sections = findSections(splitLines(text));
    expect(sections.map((s) => s.numeral)).toEqual(['一', '二', '三', '四', '五', '六', '七']);
    expect(sections.map((s) => s.index)).toEqual([0, 2, 3, 5, 6, 7, 8]);
  });

  it('splits headings glued into crawler lines', () => {
    const lines = splitInlineHeadings(splitLines('行政事业性收费0三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为…）'));
    expect(lines.map((l) => l.text)).toEqual(['行政事业性收费0', '三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为…）']);
  });

  it('gives a glued heading a line of its own, and the text after it another', () => {
    const lines = splitInlineHeadings(
      splitLines('打印本页淮安市人民政府2024年政府信息公开工作年度报告一、总体情况2024年,我市…二、主动公开政府信息情况第二十条'),
    );
    expect(findSections(lines).map((s) => s.numeral)).toEqual(['一', '二']);
    expect(lines.map((l) => l.text)).toEqual([
      '打印本页淮安市人民政府2024年政府信息公开工作年度报告',
      '一、总体情况',
      '2024年,我市…',
      '二、主动公开政府信息情况',
      '第二十条',
    ]);
  });
});

describe('findUnitAndYear', () => {
  it.each([
    ['酉阳土家族苗族自治县李溪镇人民政府2021年政府信息公开工作年度报告', '酉阳土家族苗族自治县李溪镇人民政府', 2021],
    ['淮安市人民政府\n2024 年政府信息公开工作年度报告', '淮安市人民政府', 2024],
    ['根据条例的规定,现向社会公布开平市科工商务局2022年信息公开工作年度报告。', '开平市科工商务局', 2022],
    ['《江临市教育局2023年度政府信息公开工作年度报告》', '江临市教育局', 2023],
    ['本报告统计期限自2020年1月1日至2020年12月31日。', null, 2020],
    ['2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019],
    ['当前位置: 首页 打印本页 - 1 -淮安市人民政府2024 年政府信息公开工作年度报告本报告由', '淮安市人民政府', 2024],
    ['现将2021年度我镇政府信息公开工作年度报告公布如下', null, null],
    ['无标题', null, null],
  ])('%s', (text, unit, year) => expect(findUnitAndYear(splitLines(text))).toEqual({ unit, year }));
});

describe('findNarrativeFigures', () => {
  it('reads the counts an overview states', () => {
    const text =
      '全市共受理政府信息公开申请 3119 件,答复 3050 件(含上年度结转申请 34 件,另有 103 件顺延到下年度答复)。政府信息公开行政复议 351 件;政府信息公开行政诉讼 46 件。新增公开市政府规章 1 件。';
    expect(findNarrativeFigures(splitLines(text))).toEqual({
      'apply.new.total': 3119,
      'apply.result.total.total': 3050,
      'apply.carried_in.total': 34,
      'apply.carried_out.total': 103,
      'review.total': 351,
      'litigation.total': 46,
      'active.rules.issued': 1,
    });
  });
});
