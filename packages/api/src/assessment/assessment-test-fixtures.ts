// Test setup shared by the assessment router tests: the spec's worked example
// (fixtures/scoring-example, described in docs/scoring.md) loaded through the API, as an office would.
import { readFileSync } from 'node:fs';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { callerFor, seedMinimalOrg } from '../testing/test-context';

const exampleDir = new URL('../../../../fixtures/scoring-example/', import.meta.url);

export function readExample(name: string): string {
  return readFileSync(new URL(name, exampleDir), 'utf8');
}

export const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Rows of one of the example CSVs (no quoting in them). */
export function exampleRows(name: string): Record<string, string>[] {
  const [header = '', ...lines] = readExample(name).trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

/**
 * The example's registry and scheme through the API: groups A/B1/B2 for 2025, units.csv,
 * periods 2025Q2 and 2025Q3, scheme.json, and one office round per quarter.
 */
export async function setUpExample(handle: DatabaseHandle) {
  const org = await seedMinimalOrg(handle);
  const admin = callerFor(handle, org.users.admin);
  const assessor = callerFor(handle, org.users.assessor);
  for (const [i, g] of [
    ['A', '县(市、区)政府'],
    ['B1', '市直部门(承担重点领域)'],
    ['B2', '市直部门(其他)'],
  ].entries()) {
    await admin.groups.upsert({ year: 2025, code: g[0] ?? '', name: g[1] ?? '', sortOrder: i + 1 });
  }
  const units = await admin.units.importFile({
    fileName: 'units.csv',
    contentBase64: toBase64(readExample('units.csv')),
    year: 2025,
    dryRun: false,
  });
  if (!units.ok) throw new Error(JSON.stringify(units.problems));
  for (const code of ['2025Q2', '2025Q3']) await admin.periods.create({ code });
  const scheme = await admin.assessment.schemes.import({ json: readExample('scheme.json') });
  if (!scheme.ok) throw new Error(scheme.problems.join('\n'));
  const q2 = await assessor.assessment.rounds.open({ period: '2025Q2' });
  const q3 = await assessor.assessment.rounds.open({ period: '2025Q3' });
  const unitIds = new Map((await handle.db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, Number(u.id)]));
  return { org, admin, assessor, scheme: scheme.scheme, q2, q3, unitIds };
}

/** Imports the example's scores, findings and events into a round (rows of other quarters are skipped). */
export async function importExampleInputs(assessor: ReturnType<typeof callerFor>, roundId: number) {
  for (const kind of ['scores', 'findings', 'events'] as const) {
    const result = await assessor.assessment.inputs.importFile({
      roundId,
      kind,
      fileName: `${kind}.csv`,
      contentBase64: toBase64(readExample(`${kind}.csv`)),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
  }
}

const FIELDS = ['final', 'rank', 'rankDelta', 'grade', 'complete', 'base', 'applicableMax', 'major', 'bonus'] as const;

/** The fields the example README lists, from an expected file or from `assessment.results.round`. */
export function pickReport(groups: readonly { code: string; rows: readonly object[] }[]) {
  return groups.map((g) => ({
    code: g.code,
    rows: (g.rows as Record<string, unknown>[]).map((r) => ({
      unit: r['unit'],
      ...Object.fromEntries(FIELDS.map((f) => [f, r[f]])),
      vetoes: (r['vetoes'] as (string | { code: string })[]).map((v) => (typeof v === 'string' ? v : v.code)),
    })),
  }));
}
