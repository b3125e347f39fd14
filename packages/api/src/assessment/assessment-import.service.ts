// Imports scores.csv, findings.csv and events.csv (or .xlsx with the same columns) into a
// draft round, through the spec's interchange readers checked against the round's scheme and
// units. All or nothing: any bad row (or a conflict the engine finds across the files) rejects
// the file and nothing is written; a dry run (检查) reports what would change.
import type { z } from 'zod';
import type {
  AssessmentImportProblem,
  AssessmentImportResult,
  assessmentImportInputSchema,
} from '@kaoping/contracts/assessment/assessment';
import { ASSESSMENT_IMPORT_MAX_BYTES } from '@kaoping/contracts/assessment/assessment';
import type { EventRow, FindingRow, ScoreRow, UnitRow } from '@kaoping/contracts/scoring/interchange-rows';
import type { CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import type { UnitsContext } from '@kaoping/importers/interchange/read-interchange';
import type { ImportIssue } from '@kaoping/importers/interchange/import-issue';
import {
  countReferencedImportedFindings,
  deleteImportedEvents,
  deleteImportedFindings,
  insertEvents,
  insertFindings,
  listRoundScores,
  upsertScores,
} from '@kaoping/db/assessment/assessment-input.repository';
import { listAssessedUnits, type RoundUnit } from '@kaoping/db/assessment/round-inputs.repository';
import { touchRound } from '@kaoping/db/assessment/round.repository';
import { recordChange } from '../audit/record-change';
import { computeRoundLive, describeIssues } from './round-results.service';
import { requireRound, requireRoundScheme, type Authed } from './round.service';

/** Thrown inside the transaction to roll it back: with problems (rejected) or a dry run's result. */
class RollBack extends Error {
  constructor(readonly result: AssessmentImportResult) {
    super('rolled back');
  }
}

const reject = (problems: AssessmentImportProblem[]): AssessmentImportResult => ({ ok: false, problems });

/**
 * The interchange readers speak of "the units file"; here the units are the round's (the
 * registry's units in the scheme's groups for the year). Adapter until the readers take a label.
 */
function toProblems(issues: readonly ImportIssue[]): AssessmentImportProblem[] {
  return issues.map(({ row, column, message }) => ({
    row,
    column,
    message: message.replace('不在单位文件中', '不在本轮参评单位中(请核对单位编码及其本年度分组)'),
  }));
}

function unitsContext(scheme: CompiledScheme, units: readonly RoundUnit[]): UnitsContext {
  const map = new Map<string, UnitRow>();
  for (const u of units) map.set(u.code, { code: u.code, name: u.name, group: u.group, kind: 'other', parent: null, tags: [...u.tags] });
  return { scheme, units: map };
}

export async function importAssessmentFile(
  ctx: Authed,
  input: z.output<typeof assessmentImportInputSchema>,
): Promise<AssessmentImportResult> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.byteLength > ASSESSMENT_IMPORT_MAX_BYTES) return reject([{ row: null, column: null, message: '文件超过 10 MB' }]);
  const round = await requireRound(ctx.db, input.roundId);
  if (round.kind === 'self') return reject([{ row: null, column: null, message: '单位自评不能导入' }]);
  if (round.status !== 'draft')
    return reject([{ row: null, column: null, message: '本轮已发布,不能再导入;如需更正,请逐条修改并填写更正理由(将形成更正记录)' }]);
  const { scheme } = await requireRoundScheme(ctx.db, round);
  const units = await listAssessedUnits(
    ctx.db,
    round.year,
    round.period,
    scheme.groups.map((g) => g.code),
  );
  const unitIds = new Map(units.map((u) => [u.code, u.id]));
  const file = { name: input.fileName, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  const context = unitsContext(scheme, units);

  const split = <T extends { period: string }>(rows: readonly T[]) => {
    // Rows of the round's quarter are imported; rows of the scheme year's other quarters were
    // checked like the rest and are reported as skipped (one file may hold a whole year).
    const own = rows.filter((r) => r.period === round.periodCode);
    const counts = new Map<string, number>();
    for (const r of rows) if (r.period !== round.periodCode) counts.set(r.period, (counts.get(r.period) ?? 0) + 1);
    return { own, skipped: [...counts.entries()].sort().map(([period, n]) => ({ period, rows: n })) };
  };
  let plan: { kind: 'scores'; rows: ScoreRow[] } | { kind: 'findings'; rows: FindingRow[] } | { kind: 'events'; rows: EventRow[] };
  let skipped: { period: string; rows: number }[];
  if (input.kind === 'scores') {
    const read = await (await import('@kaoping/importers/interchange/read-interchange')).readScoresFile(file, context);
    if (!read.ok) return reject(toProblems(read.issues));
    const { own, skipped: s } = split(read.value.rows);
    plan = { kind: 'scores', rows: own };
    skipped = s;
  } else if (input.kind === 'findings') {
    const read = await (await import('@kaoping/importers/interchange/read-interchange')).readFindingsFile(file, context);
    if (!read.ok) return reject(toProblems(read.issues));
    const { own, skipped: s } = split(read.value.rows);
    plan = { kind: 'findings', rows: own };
    skipped = s;
  } else {
    const read = await (await import('@kaoping/importers/interchange/read-interchange')).readEventsFile(file, context);
    if (!read.ok) return reject(toProblems(read.issues));
    const { own, skipped: s } = split(read.value.rows);
    plan = { kind: 'events', rows: own };
    skipped = s;
  }
  const now = ctx.now();
  const at = now.toISOString();

  try {
    return await ctx.db.transaction().execute(async (trx) => {
      let changed = 0;
      let replaced = 0;
      if (plan.kind === 'scores') {
        const current = new Map((await listRoundScores(trx, round.id)).map((s) => [`${s.unitId}:${s.leaf}`, s.value]));
        const cells = plan.rows.map((row) => {
          const unitId = unitIds.get(row.unit) ?? 0;
          if (current.get(`${unitId}:${row.indicator}`) !== row.value) changed++;
          return { unitId, leaf: row.indicator, value: row.value, naReason: '', evidence: '', source: 'import' as const };
        });
        await upsertScores(trx, round.id, cells, ctx.user.id, at);
      } else if (plan.kind === 'findings') {
        if ((await countReferencedImportedFindings(trx, round.id)) > 0) {
          throw new RollBack(
            reject([{ row: null, column: null, message: '本轮此前导入的问题已被整改台账或申诉引用,不能整体替换;请逐条登记或撤销问题' }]),
          );
        }
        replaced = await deleteImportedFindings(trx, round.id);
        const findings = plan.rows.map((f) => ({
          unitId: unitIds.get(f.unit) ?? 0,
          leaf: f.indicator,
          count: f.count,
          deduction: f.deduction,
          description: f.description,
          url: f.url,
          seenAt: null,
          screenshotPath: null,
          source: 'import' as const,
        }));
        await insertFindings(trx, round.id, findings, ctx.user.id, at);
        changed = findings.length;
      } else {
        replaced = await deleteImportedEvents(trx, round.id);
        const events = plan.rows.map((e) => ({ unitId: unitIds.get(e.unit) ?? 0, code: e.code, note: e.note, source: 'import' as const }));
        await insertEvents(trx, round.id, events, ctx.user.id, at);
        changed = events.length;
      }

      // Conflicts only visible across the inputs (a finding on a leaf marked na, …).
      const live = await computeRoundLive(trx, round, { breakdown: false, previousRanks: [] });
      if (!live.result.ok)
        throw new RollBack(
          reject(describeIssues(live.result.issues, live.loaded).map((message) => ({ row: null, column: null, message }))),
        );

      const result: AssessmentImportResult = {
        ok: true,
        dryRun: input.dryRun,
        kind: input.kind,
        imported: plan.rows.length,
        changed,
        replaced,
        skipped,
      };
      if (input.dryRun) throw new RollBack(result);
      await touchRound(trx, round.id, at);
      await recordChange(trx, ctx.user, now, {
        action: `assessment.import.${input.kind}`,
        entity: 'assessment_round',
        entityId: round.id,
        unitId: null,
        before: null,
        after: { fileName: input.fileName, imported: plan.rows.length, changed, replaced, skipped },
      });
      return result;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.result;
    throw error;
  }
}
