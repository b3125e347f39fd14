import { generateReport } from './packages/domain/src/annual-report/generate-report';
import { renderReportText } from './packages/importers/src/annual-report/render-report-text';
import { parseAnnualReportText } from './packages/importers/src/annual-report/parse-annual-report';
const layout = (process.argv[2] ?? 'pipe') as never;
const texts = Array.from({ length: 300 }, (_, i) => renderReportText(generateReport({ seed: i + 1 }), layout));
for (let k = 0; k < 5; k++) for (const t of texts) parseAnnualReportText(t);
