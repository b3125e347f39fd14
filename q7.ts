import { parseAnnualReportText } from './packages/importers/src/annual-report/parse-annual-report';
import { APPLY_ROWS_2021 } from './packages/domain/src/annual-report/template';
let seed = 1; const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
for (const len of [10, 14, 18, 24, 40]) {
  // digit strings where each row has many valid splits: use lots of zeros and small digits
  const row = () => Array.from({ length: len }, () => (rnd() < 0.5 ? '0' : String(Math.floor(rnd() * 3)))).join('').replace(/^0+/, '1');
  const text = '三、收到和处理政府信息公开申请情况\n' + APPLY_ROWS_2021.map((r) => r.label + row()).join('') + '\n四、政府信息公开行政复议、行政诉讼情况\n' + row() + row();
  const t0 = performance.now();
  const r = parseAnnualReportText(text);
  console.log(len, (performance.now() - t0).toFixed(0), 'ms', r.unresolved.length);
}
// all-ambiguous table that satisfies rows: each row 7 cells of "1 1 0 0 0 0 2" collapsed to "1 1 2" → many placements
const text2 = '三、收到和处理政府信息公开申请情况\n' + APPLY_ROWS_2021.map((r) => r.label + ' 1 1 2').join('\n');
let t0 = performance.now(); let r2 = parseAnnualReportText(text2); console.log('collapsed', (performance.now() - t0).toFixed(0), 'ms', r2.unresolved.length);
const text3 = '三、收到和处理政府信息公开申请情况\n' + APPLY_ROWS_2021.map((r) => r.label + ' 0 0').join('\n');
t0 = performance.now(); r2 = parseAnnualReportText(text3); console.log('zeros', (performance.now() - t0).toFixed(0), 'ms', r2.unresolved.length);
