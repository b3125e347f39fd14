import { describe, expect, it } from 'vitest';
import { htmlToLines } from './html-to-lines';

describe('htmlToLines', () => {
  it('turns Word HTML tables into pipe rows: spans unwrapped, &nbsp; cells blank, source lines kept', () => {
    const html = [
      '<html><head><style>p.MsoNormal{}</style><!--[if gte mso 9]><xml><w:WordDocument/></xml><![endif]--></head>',
      '<body><p class=MsoNormal><span lang=EN-US>二、主动公开政府信息情况<o:p></o:p></span></p>',
      '<table class=MsoNormalTable><tr>',
      "<td><p class=MsoNormal><span style='font-family:宋体'>规</span><span>章</span></p></td><td><p><span lang=EN-US>1<o:p></o:p></span></p></td>",
      '<td><p>&nbsp;</p></td><td><p><![if !supportEmptyParas]>11<![endif]></p></td></tr>',
      '<tr><td>商业<br>企业</td><td></td></tr></table>',
      '<script>var x = "| 9 | 9 |";</script></body></html>',
    ].join('\n');
    expect(htmlToLines(html)).toEqual([
      { text: '二、主动公开政府信息情况', line: 2 },
      { text: '| 规章 | 1 | | 11 |', line: 3 },
      { text: '| 商业 企业 | |', line: 6 },
    ]);
    expect(htmlToLines(html, 'sequential').map((l) => l.line)).toEqual([1, 2, 3]);
  });
});
