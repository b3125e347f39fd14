import { generateReport } from './packages/domain/src/annual-report/generate-report';
import { renderReportText } from './packages/importers/src/annual-report/render-report-text';
import { parseAnnualReportText } from './packages/importers/src/annual-report/parse-annual-report';
const r = generateReport({ seed: Number(process.argv[2] ?? 1), format: 2021 });
const t = renderReportText(r, (process.argv[3] ?? 'run-together') as never);
console.log(t.slice(0, 3000));
const p = parseAnnualReportText(t);
console.log(p.unresolved.join(' '));
console.log(p.warnings.join('\n'));
