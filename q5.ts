import { generateReport } from './packages/domain/src/annual-report/generate-report';
import { renderReportText } from './packages/importers/src/annual-report/render-report-text';
import { parseAnnualReportText } from './packages/importers/src/annual-report/parse-annual-report';
for (const layout of ['pipe', 'pdf-text', 'cell-per-line', 'run-together', 'word-html'] as const) {
  const texts = Array.from({ length: 500 }, (_, i) => renderReportText(generateReport({ seed: i + 1 }), layout));
  for (const t of texts.slice(0, 50)) parseAnnualReportText(t);
  const t0 = performance.now();
  for (const t of texts) parseAnnualReportText(t);
  const ms = performance.now() - t0;
  console.log(layout, (texts.length / (ms / 1000)).toFixed(0), 'reports/s');
}
