import { generateReport } from './packages/domain/src/annual-report/generate-report';
import { renderReportText, REPORT_LAYOUTS, renderReportDocx, renderReportPdf } from './packages/importers/src/annual-report/render-report-text';
import { parseAnnualReport } from './packages/importers/src/annual-report/parse-annual-report';
const seeds = Number(process.argv[2] ?? 20);
const show = process.argv[3];
for (const format of [2021, 2019] as const)
for (const layout of [...REPORT_LAYOUTS, 'trad', 'docx', 'pdf'] as const) {
  let wrong = 0, unres = 0, total = 0, errs = 0; const samples: string[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const r = generateReport({ seed, format });
    const input = layout === 'trad' ? renderReportText(r, 'pdf-text', { traditional: true, pinyin: true }) : layout === 'docx' ? renderReportDocx(r) : layout === 'pdf' ? renderReportPdf(r) : renderReportText(r, layout);
    if (show === layout && seed === 1) console.log(typeof input === 'string' ? input : '');
    const p = await parseAnnualReport(input);
    if (p.checks.some(c => c.severity === 'error')) errs++;
    for (const [k, v] of Object.entries(r.cells)) {
      total++;
      if (p.cells[k] === v) continue;
      if (p.cells[k] === null && p.unresolved.includes(k)) { unres++; continue; }
      wrong++; if (samples.length < 5) samples.push(`${seed}:${k}=${p.cells[k]} want ${v}`);
    }
    if (p.meta.unit !== r.unit || p.meta.year !== r.year || p.meta.format !== format) { wrong++; if (samples.length < 5) samples.push(`${seed}: meta ${JSON.stringify(p.meta)}`); }
  }
  console.log(format, layout.padEnd(20), 'cells', total, 'wrong', wrong, 'unresolved', unres, 'reports with errors', errs, samples.join(' ; '));
}
