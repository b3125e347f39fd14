// What the scoring engine needs for one round, read from the database: the units in the
// scheme's groups for the year, the round's scores, active findings and events, and the
// rectification items due in the period.
import { periodDateRange, type Period } from '@kaoping/domain/period/period';
import type {
  EventInput,
  FindingInput,
  RectificationInput,
  ScoreInput,
  ScoringInputs,
  ScoringUnit,
} from '@kaoping/domain/scoring/scoring-inputs';
import type { Db } from '../connect';
import { listRoundEvents, listRoundFindings, listRoundScores } from './assessment-input.repository';
import { loadRectificationRows } from './rectification-rows.repository';

export interface RoundUnit extends ScoringUnit {
  id: number;
}

/**
 * The units a quarter of `year` assesses: each unit with a group in that year whose group is
 * one of the scheme's, and valid on at least one day of the period.
 */
export async function listAssessedUnits(
  db: Db,
  year: number,
  period: Period,
  /** The scheme's groups; null: any group (the caller checks it). */
  schemeGroups: readonly string[] | null,
  /** Only these units (a score cell's, a saved batch's), not the whole round. */
  unitIds: readonly number[] | null = null,
): Promise<RoundUnit[]> {
  const { start, end } = periodDateRange(period);
  if (unitIds !== null && unitIds.length === 0) return [];
  let query = db
    .selectFrom('units as u')
    .innerJoin('unit_groups as ug', (join) => join.onRef('ug.unit_id', '=', 'u.id').on('ug.year', '=', year))
    .innerJoin('groups as g', 'g.id', 'ug.group_id')
    .select(['u.id', 'u.code', 'u.name', 'u.tags', 'u.valid_from', 'u.valid_to', 'g.code as group_code', 'g.sort_order'])
    .where('u.valid_from', '<=', end)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', start)]));
  if (unitIds !== null) query = query.where('u.id', 'in', [...unitIds]);
  const rows = await query.orderBy('g.sort_order').orderBy('u.code').execute();
  const groups = schemeGroups === null ? null : new Set(schemeGroups);
  return rows
    .filter((r) => groups === null || groups.has(r.group_code))
    .map((r) => ({ id: Number(r.id), code: r.code, name: r.name, group: r.group_code, tags: JSON.parse(r.tags) as string[] }));
}

/**
 * One score cell's unit as a quarter of `year` assesses it (any group: the caller checks the
 * scheme's; null when the unit has no group that year or is not valid in the period, and then the
 * cell is not read) and the cell as stored (null: empty), in one statement: what score entry reads
 * before its write.
 */
export async function findScoreCellOfUnit(
  db: Db,
  round: { id: number; year: number; period: Period },
  unitId: number,
  leaf: string,
): Promise<{ unit: RoundUnit | null; current: { value: string; naReason: string } | null }> {
  const { start, end } = periodDateRange(round.period);
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('unit_groups as ug', (join) => join.onRef('ug.unit_id', '=', 'u.id').on('ug.year', '=', round.year))
    .innerJoin('groups as g', 'g.id', 'ug.group_id')
    .leftJoin('assessment_scores as s', (join) =>
      join.onRef('s.unit_id', '=', 'u.id').on('s.round_id', '=', round.id).on('s.leaf_code', '=', leaf),
    )
    .select(['u.id', 'u.code', 'u.name', 'u.tags', 'u.valid_from', 'u.valid_to', 'g.code as group_code', 's.value', 's.na_reason'])
    .where('u.id', '=', unitId)
    .execute();
  const row = rows[0];
  if (!row || row.valid_from > end || (row.valid_to !== null && row.valid_to < start)) return { unit: null, current: null };
  return {
    unit: { id: Number(row.id), code: row.code, name: row.name, group: row.group_code, tags: JSON.parse(row.tags) as string[] },
    current: row.value !== null ? { value: row.value, naReason: row.na_reason ?? '' } : null,
  };
}

export interface RoundScoringInputs {
  units: RoundUnit[];
  inputs: ScoringInputs & {
    scores: ScoreInput[];
    findings: FindingInput[];
    events: EventInput[];
    rectifications: RectificationInput[];
  };
  /** Database ids aligned with `inputs.findings` and `inputs.events`. */
  findingIds: number[];
  eventIds: number[];
  /** Not-applicable reasons by `${unitCode}:${leaf}`. */
  naReasons: Record<string, string>;
}

/** Reads a round's inputs as the engine takes them (rows of units outside the round are left out). */
export async function loadRoundScoringInputs(
  db: Db,
  round: { id: number; period: Period; year: number },
  schemeGroups: readonly string[],
  options: { unitId?: number } = {},
): Promise<RoundScoringInputs> {
  let units = await listAssessedUnits(db, round.year, round.period, schemeGroups);
  if (options.unitId !== undefined) units = units.filter((u) => u.id === options.unitId);
  const codeById = new Map(units.map((u) => [u.id, u.code]));
  const [scores, findings, events, rectifications] = await Promise.all([
    listRoundScores(db, round.id, options.unitId ?? null),
    listRoundFindings(db, round.id, { status: 'active', ...(options.unitId !== undefined ? { unitId: options.unitId } : {}) }),
    listRoundEvents(db, round.id, options.unitId ?? null),
    loadRectificationRows(db, round.period),
  ]);
  const period = round.period.code;
  const naReasons: Record<string, string> = {};
  const scoreRows: ScoreInput[] = [];
  for (const s of scores) {
    const unit = codeById.get(s.unitId);
    if (unit === undefined) continue;
    scoreRows.push({ unit, period, indicator: s.leaf, value: s.value });
    if (s.naReason !== '') naReasons[`${unit}:${s.leaf}`] = s.naReason;
  }
  const findingRows: FindingInput[] = [];
  const findingIds: number[] = [];
  for (const f of findings) {
    const unit = codeById.get(f.unitId);
    if (unit === undefined) continue;
    findingRows.push({ unit, period, indicator: f.leaf, count: f.count, deduction: f.deduction, description: f.description, url: f.url });
    findingIds.push(f.id);
  }
  const eventRows: EventInput[] = [];
  const eventIds: number[] = [];
  for (const e of events) {
    const unit = codeById.get(e.unitId);
    if (unit === undefined) continue;
    eventRows.push({ unit, period, code: e.code, note: e.note });
    eventIds.push(e.id);
  }
  const rectificationRows = rectifications
    .filter((r) => codeById.has(r.unitId))
    .map(({ unitId, ...row }) => ({ ...row, unit: codeById.get(unitId) ?? row.unit }));
  return {
    units,
    inputs: {
      units: units.map(({ code, name, group, tags }) => ({ code, name, group, tags })),
      scores: scoreRows,
      findings: findingRows,
      events: eventRows,
      rectifications: rectificationRows,
    },
    findingIds,
    eventIds,
    naReasons,
  };
}
