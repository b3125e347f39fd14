import { generateReport } from './packages/domain/src/annual-report/generate-report';
import { renderReportText, REPORT_LAYOUTS } from './packages/importers/src/annual-report/render-report-text';
import { parseAnnualReportText } from './packages/importers/src/annual-report/parse-annual-report';
const rules = ['H1','H2','H3','H4','H5','H6','H7'] as const;
for (const layout of REPORT_LAYOUTS) {
  let wrong = 0, unres = 0, missedRule = 0, n = 0; const t0 = performance.now(); const samples: string[] = [];
  for (let seed = 1; seed <= 300; seed++) {
    const inject = seed % 3 === 0 ? rules[seed % 7] : undefined;
    const format = seed % 4 === 0 ? 2019 : 2021;
    const r = generateReport({ seed, format, inject });
    const p = parseAnnualReportText(renderReportText(r, layout, { traditional: seed % 5 === 0, pinyin: true }));
    n++;
    for (const [k, v] of Object.entries(r.cells)) {
      if (p.cells[k] === v) continue;
      if (p.cells[k] === null && p.unresolved.includes(k)) { unres++; continue; }
      wrong++; if (samples.length < 4) samples.push(`${seed}/${inject}/${format}:${k}=${p.cells[k]} want ${v}`);
    }
    if (inject && layout !== 'run-together' && !p.checks.some(c => c.rule === inject && c.severity === 'error')) { missedRule++; if (samples.length < 4) samples.push(`${seed} missed ${inject}`); }
    const hard = p.checks.filter(c => c.severity === 'error' && c.rule !== inject);
    if (hard.length && layout !== 'run-together') { wrong++; if (samples.length < 4) samples.push(`${seed}/${inject} extra ${hard[0]?.message}`); }
  }
  console.log(layout.padEnd(20), 'wrong', wrong, 'unres', unres, 'missed', missedRule, ((performance.now() - t0) / n).toFixed(2), 'ms/report', samples.join(' ; '));
}
