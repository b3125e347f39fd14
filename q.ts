import { readFileSync } from 'node:fs';
import { parseAnnualReport } from './packages/importers/src/annual-report/parse-annual-report';
const f = process.argv[2] ?? '';
const r = await parseAnnualReport(readFileSync(f), { fileName: f });
console.log(JSON.stringify({ meta: r.meta, unresolved: r.unresolved, warnings: r.warnings, checks: r.checks.map(c => `${c.rule} ${c.severity} ${c.message}`) }, null, 1));
if (process.argv[3]) {
  const exp = JSON.parse(readFileSync(process.argv[3], 'utf8'));
  let bad = 0;
  for (const [k, v] of Object.entries(exp.cells)) if (r.cells[k] !== v) { bad++; console.log('MISMATCH', k, r.cells[k], v, r.sources[k]?.line); }
  console.log('mismatches', bad, 'of', Object.keys(exp.cells).length, 'extra keys', Object.keys(r.cells).filter(k => !(k in exp.cells)));
} else console.log(Object.entries(r.cells).filter(([,v]) => v !== 0).map(([k,v]) => `${k}=${v}`).join(' '));
