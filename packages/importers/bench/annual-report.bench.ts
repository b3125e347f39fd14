// `pnpm bench annual-report`: parse + check throughput of the annual-report parser on generated
// reports in several layouts, with how many cells came back exactly. Figures only; no assertions.
import { checkReport } from '@kaoping/domain/annual-report/check-report';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import type { GeneratedReport } from '@kaoping/domain/annual-report/generate-report';
import { readFileSync } from 'node:fs';
import { parseAnnualReport, parseAnnualReportText } from '../src/annual-report/parse-annual-report';
import { loadCorpus, scoreDocument } from '../test/annual-report-corpus';
import type { ReportLayout } from '../src/annual-report/render-report-text';
import { renderReportDocx, renderReportPdf, renderReportText } from '../src/annual-report/render-report-text';

const REPORTS = 1000;

interface Figures {
  reports: number;
  seconds: number;
  /** CPU time of this process: on a shared, overloaded machine wall time says more about the neighbours. */
  cpuSeconds: number;
  p50: number;
  p95: number;
  exact: number;
  unresolved: number;
  wrong: number;
}

function score(report: GeneratedReport, cells: Record<string, number | null>, unresolved: readonly string[], f: Figures) {
  for (const [key, value] of Object.entries(report.cells)) {
    if (cells[key] === value) f.exact++;
    else if (cells[key] === null && unresolved.includes(key)) f.unresolved++;
    else f.wrong++;
  }
}

async function measure(
  reports: readonly GeneratedReport[],
  inputs: readonly (string | Uint8Array)[],
  parse: (input: string | Uint8Array) => Promise<{ cells: Record<string, number | null>; unresolved: string[] }>,
): Promise<Figures> {
  const f: Figures = { reports: inputs.length, seconds: 0, cpuSeconds: 0, p50: 0, p95: 0, exact: 0, unresolved: 0, wrong: 0 };
  for (const input of inputs.slice(0, 20)) await parse(input); // warm up
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < inputs.length; i++) {
    const t0 = performance.now();
    const input = inputs[i];
    const report = reports[i];
    if (input === undefined || report === undefined) continue;
    const result = await parse(input);
    times.push(performance.now() - t0);
    score(report, result.cells, result.unresolved, f);
  }
  f.seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  f.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  times.sort((a, b) => a - b);
  f.p50 = times[Math.floor(times.length * 0.5)] ?? 0;
  f.p95 = times[Math.floor(times.length * 0.95)] ?? 0;
  return f;
}

function print(name: string, f: Figures) {
  const cells = f.exact + f.unresolved + f.wrong;
  console.log(
    `${name.padEnd(26)} ${String(f.reports).padStart(5)} reports  ${(f.reports / f.seconds).toFixed(0).padStart(6)} reports/s (${(f.reports / f.cpuSeconds).toFixed(0).padStart(5)} per CPU-s)  p50 ${f.p50.toFixed(2)} ms  p95 ${f.p95.toFixed(2)} ms  cells exact ${((100 * f.exact) / cells).toFixed(2)}%  unresolved ${f.unresolved}  wrong ${f.wrong}`,
  );
}

/** Accuracy on the real-document corpus, per layout, apart from the generated reports. */
async function benchCorpus(): Promise<void> {
  const corpus = loadCorpus();
  const byLayout = new Map<
    string,
    { docs: number; cells: number; right: number; unresolved: number; wrong: number; missed: number; origin: string }
  >();
  let seconds = 0;
  for (const doc of corpus) {
    const bytes = new Uint8Array(readFileSync(doc.file));
    const t0 = performance.now();
    const result = await parseAnnualReport(bytes, { fileName: doc.file });
    seconds += (performance.now() - t0) / 1000;
    const s = scoreDocument(doc, result);
    const key = `${doc.origin} · ${doc.layout}`;
    const f = byLayout.get(key) ?? { docs: 0, cells: 0, right: 0, unresolved: 0, wrong: 0, missed: 0, origin: doc.origin };
    f.docs++;
    f.cells += Object.keys(doc.expected).length;
    f.right += s.right;
    f.unresolved += s.unresolved;
    f.wrong += s.wrong.length;
    f.missed += s.missed.length;
    byLayout.set(key, f);
  }
  console.log(
    `real-document corpus: ${corpus.length} documents (fixtures/annual-reports/), ${(corpus.length / seconds).toFixed(0)} documents/s`,
  );
  const total = { cells: 0, right: 0, unresolved: 0, wrong: 0, missed: 0 };
  for (const [layout, f] of [...byLayout].sort()) {
    const pct = f.cells === 0 ? '   —  ' : `${((100 * f.right) / f.cells).toFixed(2)}%`;
    console.log(
      `  ${layout.padEnd(34)} ${String(f.docs).padStart(2)} docs  ${String(f.cells).padStart(4)} cells  right ${pct}  unresolved ${f.unresolved}  wrong ${f.wrong}  silently blank ${f.missed}`,
    );
    if (f.origin !== 'derived') for (const k of ['cells', 'right', 'unresolved', 'wrong', 'missed'] as const) total[k] += f[k];
  }
  console.log(
    `  documents as published: ${total.right}/${total.cells} cells right (${((100 * total.right) / Math.max(1, total.cells)).toFixed(2)}%), ${total.unresolved} unresolved, ${total.wrong} wrong`,
  );
}

export default async function bench(): Promise<void> {
  await benchCorpus();
  const t0 = performance.now();
  const reports = Array.from({ length: REPORTS }, (_, i) => generateReport({ seed: i + 1, format: i % 5 === 4 ? 2019 : 2021 }));
  console.log(`generated ${REPORTS} reports (80% 2021, 20% 2019 format) in ${(performance.now() - t0).toFixed(0)} ms`);

  const t1 = performance.now();
  let errors = 0;
  for (const r of reports)
    errors += checkReport({ format: r.format, year: r.year, cells: r.cells }, { unitKind: r.unitKind }).filter(
      (c) => c.severity === 'error',
    ).length;
  const checkSeconds = (performance.now() - t1) / 1000;
  console.log(`checkReport alone: ${(REPORTS / checkSeconds).toFixed(0)} reports/s (${errors} errors on valid reports)`);

  const text = (input: string | Uint8Array) =>
    Promise.resolve(parseAnnualReportText(typeof input === 'string' ? input : new TextDecoder().decode(input)));
  const layouts: ReportLayout[] = ['pipe', 'cell-per-line', 'pdf-text', 'markdown', 'cell-per-line-pipes', 'word-html', 'run-together'];
  const all: Figures = { reports: 0, seconds: 0, cpuSeconds: 0, p50: 0, p95: 0, exact: 0, unresolved: 0, wrong: 0 };
  for (const layout of layouts) {
    const inputs = reports.map((r) => renderReportText(r, layout));
    const f = await measure(reports, inputs, text);
    print(`text · ${layout}`, f);
    if (layout !== 'word-html' && layout !== 'run-together') {
      all.reports += f.reports;
      all.seconds += f.seconds;
      all.cpuSeconds += f.cpuSeconds;
    }
  }
  console.log(
    `plain-text layouts together: ${(all.reports / all.seconds).toFixed(0)} reports/s parse + check (${(all.reports / all.cpuSeconds).toFixed(0)} per CPU-second; load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)})`,
  );

  const trad = reports.slice(0, 300);
  print(
    'text · traditional+pinyin',
    await measure(
      trad,
      trad.map((r) => renderReportText(r, 'pdf-text', { traditional: true, pinyin: true })),
      text,
    ),
  );
  const few = reports.slice(0, 100);
  print('file · .docx (mammoth)', await measure(few, few.map(renderReportDocx), (b) => parseAnnualReport(b)));
  print(
    'file · .pdf (pdf.js)',
    await measure(
      few,
      few.map((r) => renderReportPdf(r)),
      (b) => parseAnnualReport(b),
    ),
  );
}
