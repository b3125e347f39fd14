import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { everyRuleKindScheme } from '@kaoping/domain/scheme-editor/every-rule-kind-scheme';
import { buildSchemeDocument, describeRuleForDocument } from './scheme-document';
import { schemeXlsx } from './scheme-xlsx';

describe('the published 考核细则 layout', () => {
  it('one row per leaf, parents merged down with their points, a leaf shallower than the tree spans the level columns, then 合计', () => {
    const doc = buildSchemeDocument(everyRuleKindScheme);
    expect(doc.header).toEqual(['序号', '一级指标', '二级指标', '分值', '评分标准', '适用范围']);
    expect(doc.rows[0]?.map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([
      ['1', 1, 1],
      ['主动公开(40分)', 3, 1],
      ['规范性文件及解读', 1, 1],
      ['10分', 1, 1],
      ['全文公开4分;一一对应解读4分;有效性标注2分', 1, 1],
      ['', 1, 1],
    ]);
    // The second leaf under a parent carries no parent cell (covered by the merge above).
    expect(doc.rows[1]?.map((c) => c.text)).toEqual(['2', '栏目更新及时准确', '20分', '每发现一处问题扣0.5分,扣完为止', '']);
    expect(doc.rows[2]?.at(-1)?.text).toBe('仅县(市、区)政府、市直部门(承担重点领域);须有标签:重点领域');
    expect(doc.rows[6]?.at(-1)?.text).toBe('不适用时按80%计分');
    expect(doc.rows.at(-1)?.map((c) => c.text)).toEqual(['合计', '100分', '', '']);
    // Vetoes, bonus items and major deductions are sections of the table, outside the total.
    expect(doc.rows.slice(8, 13).map((r) => r.map((c) => c.text).join('|'))).toEqual([
      '9|一票否决|发生泄密等严重问题||考核结果直接定为不合格|',
      '10|网站首页两周以上未更新||考核得分不超过59分|',
      '11|加分项(得分达到80分可加分,最高5分)|经验做法被省级以上推广|2分|加2分|',
      '12|获市级以上表扬|1分|加1分|',
      '13|重大扣分项|被上级通报批评|10分|扣10分(不设上限)|',
    ]);
    expect(doc.notes.map((n) => n.heading)).toEqual(['考核分组', '等次评定']);
    expect(doc.notes.at(-1)?.lines).toEqual([
      '90分以上为优秀;80分至90分(不含)为良好;60分至80分(不含)为合格;60分以下为不合格。',
      '优秀等次不超过本组参评单位的30%。',
    ]);
  });

  it('words every rule kind the way the importer reads it back', () => {
    expect(describeRuleForDocument({ kind: 'rate', target: 95, perPointBelow: 0.25 }, 5)).toBe(
      '按完成比例计分:目标值95%,低于目标值的每个百分点减0.25分,减完为止',
    );
    expect(describeRuleForDocument({ kind: 'rectification', perLate: 2, perRejected: 1 }, 20)).toBe(
      '整改事项每逾期一项扣2分,复核不通过每次扣1分,扣完为止',
    );
    expect(describeRuleForDocument({ kind: 'binary' }, 5)).toBe('达到要求得5分,未达到要求不得分');
  });

  it('.xlsx: title, header, merged parent cells and the total row', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await schemeXlsx(everyRuleKindScheme)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet('考核细则');
    expect(ws?.getCell('A1').text).toBe(everyRuleKindScheme.title);
    expect(ws?.getRow(2).values).toEqual([undefined, '序号', '一级指标', '二级指标', '分值', '评分标准', '适用范围']);
    expect(ws?.getCell('B5').isMerged && ws.getCell('B5').master.address).toBe('B3');
    expect(ws?.getCell('A16').text).toBe('合计');
    expect(ws?.getCell('D16').text).toBe('100分');
  });
});
