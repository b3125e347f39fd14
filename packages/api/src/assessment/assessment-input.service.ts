// An assessor's work on a round, one item at a time: a score cell, a finding (with its
// screenshot), a withdrawal, an event. In a draft round these are plain edits; in a published
// round they are corrections: a reason is required and a restatement is appended.
import { createHash } from 'node:crypto';
import { conflict, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import type { z } from 'zod';
import type {
  eventAddInputSchema,
  findingAddInputSchema,
  scoreSetInputSchema,
  scoresSaveInputSchema,
} from '@kaoping/contracts/assessment/assessment';
import { SCREENSHOT_MAX_BYTES } from '@kaoping/contracts/assessment/assessment';
import type { CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import { isLeafApplicable } from '@kaoping/domain/scoring/compute-unit';
import { checkLeafValue, isNaMark } from '@kaoping/domain/scoring/score-leaf';
import type { Db } from '@kaoping/db/connect';
import {
  deleteEvent,
  findAssessmentFile,
  findRoundScore,
  findEventById,
  findFindingById,
  insertEvents,
  insertFinding,
  listRoundFindings,
  listRoundScores,
  saveAssessmentFile,
  upsertScores,
  withdrawFinding,
  writeScoreIfUnchanged,
} from '@kaoping/db/assessment/assessment-input.repository';
import { listObjections } from '@kaoping/db/assessment/objection.repository';
import { findLatestPublication } from '@kaoping/db/assessment/publication.repository';
import { computeSnapshot } from '@kaoping/domain/assessment/publication-snapshot';
import { findScoreCellOfUnit, listAssessedUnits, type RoundUnit } from '@kaoping/db/assessment/round-inputs.repository';
import {
  holdRoundInputs,
  roundIsInStatus,
  touchRound,
  touchRoundInStatus,
  type AssessmentRound,
} from '@kaoping/db/assessment/round.repository';
import { recordChange } from '../audit/record-change';
import { assertCanSeeUnit } from '../scope';
import { assertCanChangeInputs, restateRound } from './publication.service';
import { computeRoundLive, describeIssues } from './round-results.service';
import { assertRoundVisible, requireRound, requireRoundCompiled, requireRoundScheme, type Authed } from './round.service';
import { flattenIndicators } from './scheme.service';
import { detectFileType } from '@kaoping/importers/guard/detect-file-type';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';

/**
 * A cell's value as stored: null clears it; '' is kept only on a checklist (no item met) and
 * clears any other leaf; `na` in any case is `na`.
 */
export function normalizeValue(leaf: CompiledScheme['leaves'][number], value: string | null): string | null {
  if (value === null) return null;
  if (isNaMark(value)) return 'na';
  if (value === '' && leaf.rule.kind !== 'checklist') return null;
  return value;
}

async function requireRoundUnit(db: Db, round: AssessmentRound, scheme: CompiledScheme, unitId: number): Promise<RoundUnit> {
  const units = await listAssessedUnits(
    db,
    round.year,
    round.period,
    scheme.groups.map((g) => g.code),
  );
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw invalidInput('该单位不在本轮测评范围内(请核对其本年度分组)');
  return unit;
}

function requireLeaf(scheme: CompiledScheme, code: string) {
  const leaf = scheme.leafByCode.get(code);
  if (!leaf) throw invalidInput(scheme.nodeByCode.has(code) ? `指标 ${code} 不是末级指标` : `指标 ${code} 不在方案 ${scheme.code} 中`);
  return leaf;
}

/**
 * After any change: bump the round's version, in the status read (a round published meanwhile refuses
 * the change rather than take it unpublished); for a published round, append a restatement.
 */
async function afterChange(trx: Db, ctx: Authed, round: AssessmentRound, isCorrection: boolean, reason: string, now: Date) {
  if (!(await touchRoundInStatus(trx, round.id, round.status, now.toISOString()))) throw roundStatusChanged();
  if (isCorrection) return restateRound(trx, round.id, `更正:${reason}`, ctx.user, now);
  // A draft must stay computable (e.g. no finding on a leaf marked na).
  const live = await computeRoundLive(trx, round, { breakdown: false, previousRanks: [] });
  if (!live.result.ok) throw invalidInput(describeIssues(live.result.issues, live.loaded).slice(0, 3).join(';'));
  return null;
}

type ScoreCellInput = Omit<z.output<typeof scoreSetInputSchema>, 'roundId' | 'reason'>;

interface CheckedCell {
  unit: RoundUnit;
  leaf: CompiledScheme['leaves'][number];
  value: string | null;
  naReason: string;
  current: { value: string; naReason: string } | null;
}

/** A cell's new value against its leaf's rule and the unit's applicability (no database). */
function checkCellValue(
  scheme: CompiledScheme,
  unit: RoundUnit | undefined,
  cell: ScoreCellInput,
): { unit: RoundUnit; leaf: CompiledScheme['leaves'][number]; value: string | null; naReason: string } {
  if (!unit) throw invalidInput('该单位不在本轮测评范围内(请核对其本年度分组)');
  const leaf = requireLeaf(scheme, cell.leaf);
  const value = normalizeValue(leaf, cell.value);
  if (value !== null) {
    const problem = checkLeafValue(leaf, value);
    if (problem !== null) throw invalidInput(`指标 ${leaf.code}:${problem}`);
  }
  if (value !== null && value !== 'na' && !isLeafApplicable(leaf, unit)) {
    throw invalidInput(`指标 ${leaf.code} 不适用于单位 ${unit.code}(分组 ${unit.group}),只能标记不适用或留空`);
  }
  if (value === 'na' && cell.naReason.length < 2 && isLeafApplicable(leaf, unit)) {
    throw invalidInput('标记不适用时请填写原因(如“本年度无此项工作”)');
  }
  return { unit, leaf, value, naReason: value === 'na' ? cell.naReason : '' };
}

const roundStatusChanged = () => conflict('本轮测评的状态已被他人改变(如已发布或已锁定),请刷新后重试');

const cellChanged = (unit: RoundUnit, leaf: string, current: string | null) =>
  conflict(`单位 ${unit.code} 指标 ${leaf} 已被他人修改(当前为“${current ?? '空'}”),请刷新后重试`);

/** A deduct leaf marked na may not carry an active finding (what a whole-round computation would refuse). */
async function assertNaWithoutFindings(trx: Db, round: AssessmentRound, checked: Omit<CheckedCell, 'current'>) {
  if (checked.value !== 'na' || checked.leaf.rule.kind !== 'deduct') return;
  const findings = await listRoundFindings(trx, round.id, { unitId: checked.unit.id, status: 'active' });
  if (findings.some((f) => f.leaf === checked.leaf.code)) {
    throw invalidInput(`单位 ${checked.unit.code}:指标 ${checked.leaf.code} 对单位 ${checked.unit.code} 不适用,不能登记问题`);
  }
}

/**
 * One cell checked on its own: its rule, the unit's applicability, the value the grid showed, and
 * what a whole-round computation would refuse for it (a leaf marked na that carries an active
 * finding). So a draft round is never recomputed inside the write: the check reads one unit's rows.
 * Null when the cell would not change.
 */
async function checkScoreCell(
  trx: Db,
  round: AssessmentRound,
  scheme: CompiledScheme,
  units: ReadonlyMap<number, RoundUnit>,
  cell: ScoreCellInput,
): Promise<CheckedCell | null> {
  const { unit, leaf, value, naReason } = checkCellValue(scheme, units.get(cell.unitId), cell);
  const current = (await listRoundScores(trx, round.id, unit.id)).find((s) => s.leaf === leaf.code) ?? null;
  if ((current?.value ?? null) !== cell.expected) throw cellChanged(unit, leaf.code, current?.value ?? null);
  if ((current?.value ?? null) === value && (current?.naReason ?? '') === naReason) return null;
  await assertNaWithoutFindings(trx, round, { unit, leaf, value, naReason });
  return { unit, leaf, value, naReason, current: current && { value: current.value, naReason: current.naReason } };
}

async function writeScoreCells(
  trx: Db,
  ctx: Authed,
  round: AssessmentRound,
  cells: readonly CheckedCell[],
  reason: string | null,
  now: Date,
) {
  await upsertScores(
    trx,
    round.id,
    cells.map((c) => ({
      unitId: c.unit.id,
      leaf: c.leaf.code,
      value: c.value,
      naReason: c.naReason,
      evidence: '',
      source: 'manual' as const,
    })),
    ctx.user.id,
    now.toISOString(),
  );
  for (const c of cells) await recordScoreChange(trx, ctx, round, c, reason, now);
}

/** The audit entry of one changed cell. */
function recordScoreChange(trx: Db, ctx: Authed, round: AssessmentRound, c: CheckedCell, reason: string | null, now: Date) {
  return recordChange(trx, ctx.user, now, {
    action: 'assessment.score.set',
    entity: 'assessment_round',
    entityId: round.id,
    unitId: c.unit.id,
    before: { leaf: c.leaf.code, value: c.current?.value ?? null, naReason: c.current?.naReason ?? null },
    after: { leaf: c.leaf.code, value: c.value, naReason: c.value === 'na' ? c.naReason : null, ...(reason !== null ? { reason } : {}) },
  });
}

/** The listed units of the round, by id (one query for a batch; a unit outside the round is absent). */
async function roundUnitsOf(
  trx: Db,
  round: AssessmentRound,
  scheme: CompiledScheme,
  unitIds: readonly number[],
): Promise<Map<number, RoundUnit>> {
  const units = await listAssessedUnits(
    trx,
    round.year,
    round.period,
    scheme.groups.map((g) => g.code),
    [...new Set(unitIds)],
  );
  return new Map(units.map((u) => [u.id, u]));
}

/**
 * One cell: a short write transaction. The round, its compiled scheme (cached), the unit's group
 * and the cell as it is now are read and checked first, outside any transaction; the transaction
 * (in a draft round) first holds the round's inputs (`holdRoundInputs`: on PostgreSQL a shared lock
 * that writers hold at once and publishing waits for), then writes the cell only if it still holds
 * what was read and the round is still a draft (one statement; it adds one to the cell's revision,
 * which moves a draft round's version) and records the change in the audit log — all or nothing,
 * without writing the round's row, so
 * SQLite's write lock is held briefly and PostgreSQL's writers do not queue on the round. A
 * correction (published round) bumps the round's version last, in its status, and appends a
 * restatement, which needs the whole round. A draft round is not recomputed (the cell is checked
 * on its own).
 */
export async function setScore(ctx: Authed, input: z.output<typeof scoreSetInputSchema>) {
  const now = ctx.now();
  const { round, scheme } = await requireRoundCompiled(ctx.db, input.roundId);
  const { isCorrection } = assertCanChangeInputs(round, input.reason);
  const { unit: assessed, current } = await findScoreCellOfUnit(ctx.db, round, input.unitId, input.leaf);
  const inRound = assessed && scheme.groupCodes.has(assessed.group) ? assessed : undefined;
  const { unit, leaf, value, naReason } = checkCellValue(scheme, inRound, input);
  if ((current?.value ?? null) !== input.expected) throw cellChanged(unit, leaf.code, current?.value ?? null);
  if ((current?.value ?? null) === value && (current?.naReason ?? '') === naReason) return { changed: false, restatement: null };
  return ctx.db.transaction().execute(async (trx) => {
    // A draft's version moves with its cells' revisions (inputsVersionsOf): the round's row is not written, so
    // writers of the round do not queue on it; a correction bumps it (last) and restates the round.
    // The write itself checks the status (after the hold), so a draft's write is two statements.
    if (!isCorrection) await holdRoundInputs(trx, round.id);
    await assertNaWithoutFindings(trx, round, { unit, leaf, value, naReason });
    const cell = { unitId: unit.id, leaf: leaf.code, value, naReason, evidence: '', source: 'manual' as const };
    const inStatus = isCorrection ? {} : { roundStatus: round.status };
    if (!(await writeScoreIfUnchanged(trx, round.id, cell, current, ctx.user.id, now.toISOString(), inStatus))) {
      if (!(await roundIsInStatus(trx, round.id, round.status))) throw roundStatusChanged();
      throw cellChanged(unit, leaf.code, (await findRoundScore(trx, round.id, unit.id, leaf.code))?.value ?? null);
    }
    await recordScoreChange(trx, ctx, round, { unit, leaf, value, naReason, current }, isCorrection ? input.reason : null, now);
    if (isCorrection && !(await touchRoundInStatus(trx, round.id, round.status, now.toISOString()))) throw roundStatusChanged();
    const restatement = isCorrection ? await restateRound(trx, round.id, `更正:${input.reason}`, ctx.user, now) : null;
    return { changed: true, restatement };
  });
}

/**
 * Several cells of one round (the scoring grid's pending edits), all or nothing: any refused cell
 * refuses the batch, naming it. One audit entry per changed cell; a correction appends one restatement.
 */
export async function saveScores(ctx: Authed, input: z.output<typeof scoresSaveInputSchema>) {
  const now = ctx.now();
  const keys = new Set(input.cells.map((c) => `${c.unitId}\u0000${c.leaf}`));
  if (keys.size !== input.cells.length) throw invalidInput('同一单元格在一次保存中出现了多次');
  return ctx.db.transaction().execute(async (trx) => {
    const round = await requireRound(trx, input.roundId);
    const { isCorrection } = assertCanChangeInputs(round, input.reason);
    const { scheme } = await requireRoundScheme(trx, round);
    const units = await roundUnitsOf(
      trx,
      round,
      scheme,
      input.cells.map((c) => c.unitId),
    );
    const checked: CheckedCell[] = [];
    const results: { unitId: number; leaf: string; changed: boolean }[] = [];
    for (const cell of input.cells) {
      const c = await checkScoreCell(trx, round, scheme, units, cell);
      if (c) checked.push(c);
      results.push({ unitId: cell.unitId, leaf: cell.leaf, changed: c !== null });
    }
    if (checked.length === 0) return { cells: results, restatement: null };
    await writeScoreCells(trx, ctx, round, checked, isCorrection ? input.reason : null, now);
    if (!(await touchRoundInStatus(trx, round.id, round.status, now.toISOString()))) throw roundStatusChanged();
    const restatement = isCorrection ? await restateRound(trx, round.id, `更正:${input.reason}`, ctx.user, now) : null;
    return { cells: results, restatement };
  });
}

// Detected from the content by file-type (a WebP is RIFF…WEBP, not any RIFF file; E3, issue #10 §4).
const IMAGE_TYPES = ['png', 'jpg', 'gif', 'webp'];

async function storeScreenshot(trx: Db, screenshot: { fileName: string; contentBase64: string }, now: string): Promise<string> {
  const bytes = Buffer.from(screenshot.contentBase64, 'base64');
  if (bytes.byteLength === 0) throw invalidInput('截图文件为空');
  if (bytes.byteLength > SCREENSHOT_MAX_BYTES) throw invalidInput('截图超过 2 MB');
  const type = await detectFileType(bytes, IMAGE_TYPES);
  if (!type) throw invalidInput('截图应为 PNG、JPEG、GIF 或 WebP 图片');
  const path = `screenshots/${createHash('sha256').update(bytes).digest('hex')}.${type.ext}`;
  await saveAssessmentFile(trx, { path, mime: type.mime, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, now);
  return path;
}

export async function addFinding(ctx: Authed, input: z.output<typeof findingAddInputSchema>) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const round = await requireRound(trx, input.roundId);
    const { isCorrection } = assertCanChangeInputs(round, input.reason);
    const { scheme } = await requireRoundScheme(trx, round);
    const unit = await requireRoundUnit(trx, round, scheme, input.unitId);
    const leaf = requireLeaf(scheme, input.leaf);
    if (leaf.rule.kind !== 'deduct') throw invalidInput(`指标 ${leaf.code} 不是扣分项(deduct),不能登记问题`);
    if (!isLeafApplicable(leaf, unit)) throw invalidInput(`指标 ${leaf.code} 不适用于单位 ${unit.code}(分组 ${unit.group})`);
    const screenshotPath = input.screenshot ? await storeScreenshot(trx, input.screenshot, now.toISOString()) : null;
    const finding = await insertFinding(
      trx,
      round.id,
      {
        unitId: unit.id,
        leaf: leaf.code,
        count: input.count,
        deduction: input.deduction,
        description: input.description,
        url: input.url,
        seenAt: input.seenAt ?? now.toISOString(),
        screenshotPath,
        source: 'manual',
      },
      ctx.user.id,
      now.toISOString(),
    );
    await recordChange(trx, ctx.user, now, {
      action: 'assessment.finding.add',
      entity: 'finding',
      entityId: finding.id,
      unitId: unit.id,
      before: null,
      after: { ...finding, ...(isCorrection ? { reason: input.reason } : {}) },
    });
    const restatement = await afterChange(trx, ctx, round, isCorrection, input.reason, now);
    return { finding, restatement };
  });
}

/**
 * Withdraws a finding (the assessor's own correction). Inside a transaction; used by the
 * objection decision too, which passes its own reason.
 */
export async function withdrawFindingIn(
  trx: Db,
  ctx: Authed,
  findingId: number,
  reason: string,
  now: Date,
  options: { viaObjection: boolean },
) {
  const finding = await findFindingById(trx, findingId);
  if (!finding) throw notFound('问题记录不存在');
  const round = await requireRound(trx, finding.roundId);
  const { isCorrection } = assertCanChangeInputs(round, reason);
  if (!options.viaObjection && (await listObjections(trx, { roundId: round.id, unitId: null, status: 'pending', findingId })).length > 0) {
    throw invalidInput('该问题有待处理的申诉,请在申诉处理中决定');
  }
  const after = await withdrawFinding(trx, findingId, reason, now.toISOString());
  if (!after) throw invalidInput('该问题已撤销');
  await recordChange(trx, ctx.user, now, {
    action: 'assessment.finding.withdraw',
    entity: 'finding',
    entityId: findingId,
    unitId: finding.unitId,
    before: { status: finding.status },
    after: { status: after.status, reason },
  });
  await touchRound(trx, round.id, now.toISOString());
  const restatement = isCorrection
    ? await restateRound(trx, round.id, options.viaObjection ? `申诉成立:${reason}` : `更正:${reason}`, ctx.user, now)
    : null;
  return { finding: after, restatement };
}

export async function withdrawFindingById(ctx: Authed, input: { findingId: number; reason: string }) {
  const now = ctx.now();
  return ctx.db.transaction().execute((trx) => withdrawFindingIn(trx, ctx, input.findingId, input.reason, now, { viaObjection: false }));
}

export async function addEvent(ctx: Authed, input: z.output<typeof eventAddInputSchema>) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const round = await requireRound(trx, input.roundId);
    const { isCorrection } = assertCanChangeInputs(round, input.reason);
    const { scheme } = await requireRoundScheme(trx, round);
    const unit = await requireRoundUnit(trx, round, scheme, input.unitId);
    if (!scheme.events.has(input.code)) throw invalidInput(`事项编码 ${input.code} 不是方案中的否决项、加分项或重大扣分项`);
    const [event] = await insertEvents(
      trx,
      round.id,
      [{ unitId: unit.id, code: input.code, note: input.note, source: 'manual' }],
      ctx.user.id,
      now.toISOString(),
    );
    await recordChange(trx, ctx.user, now, {
      action: 'assessment.event.add',
      entity: 'assessment_event',
      entityId: event?.id ?? 0,
      unitId: unit.id,
      before: null,
      after: { ...event, ...(isCorrection ? { reason: input.reason } : {}) },
    });
    const restatement = await afterChange(trx, ctx, round, isCorrection, input.reason, now);
    return { event, restatement };
  });
}

export async function removeEvent(ctx: Authed, input: { eventId: number; reason: string }) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const event = await findEventById(trx, input.eventId);
    if (!event) throw notFound('该事项不存在');
    const round = await requireRound(trx, event.roundId);
    const { isCorrection } = assertCanChangeInputs(round, input.reason);
    await deleteEvent(trx, event.id);
    await recordChange(trx, ctx.user, now, {
      action: 'assessment.event.remove',
      entity: 'assessment_event',
      entityId: event.id,
      unitId: event.unitId,
      before: event,
      after: isCorrection ? { reason: input.reason } : null,
    });
    const restatement = await afterChange(trx, ctx, round, isCorrection, input.reason, now);
    return { restatement };
  });
}

/** A finding's screenshot as a data URL; a liaison only for their own unit's published round. */
export async function getFindingScreenshot(ctx: Authed, findingId: number) {
  const finding = await findFindingById(ctx.db, findingId);
  if (!finding) throw notFound('问题记录不存在');
  assertCanSeeUnit(ctx.user, finding.unitId);
  assertRoundVisible(ctx.user, await requireRound(ctx.db, finding.roundId));
  if (!finding.screenshotPath) throw notFound('该问题没有截图');
  const file = await findAssessmentFile(ctx.db, finding.screenshotPath);
  if (!file) throw notFound('截图文件不存在');
  return { mime: file.mime, dataUrl: `data:${file.mime};base64,${file.contentBase64}` };
}

/**
 * The scoring grid of one group: units × leaves, each cell with its value, its findings and
 * what it earns now (live for a draft, from the publication in force once published).
 */
export async function getScoringGrid(ctx: Authed, input: { roundId: number; group: string }) {
  const round = await requireRound(ctx.db, input.roundId);
  const { record, scheme } = await requireRoundScheme(ctx.db, round);
  if (!scheme.groupCodes.has(input.group)) throw invalidInput(`分组 ${input.group} 不在方案中`);
  const nodes = flattenIndicators(record.scheme.indicators);
  let results;
  let units: readonly RoundUnit[];
  let issues: string[] = [];
  if (round.status === 'draft') {
    const live = await computeRoundLive(ctx.db, round, { breakdown: true });
    units = live.loaded.units;
    if (live.result.ok) results = live.result.results;
    else issues = describeIssues(live.result.issues, live.loaded);
  } else {
    const publication = await findLatestPublication(ctx.db, round.id);
    if (!publication) throw new Error('已发布的轮次缺少发布记录');
    units = publication.snapshot.units;
    const computed = computeSnapshot(scheme, publication.snapshot, true);
    if (computed.ok) results = computed.results;
  }
  const groupUnits = units.filter((u) => u.group === input.group);
  const rowsByUnit = new Map((results?.groups.find((g) => g.code === input.group)?.rows ?? []).map((r) => [r.unit, r]));
  const [scores, findings] = await Promise.all([
    listRoundScores(ctx.db, round.id),
    listRoundFindings(ctx.db, round.id, { status: 'active' }),
  ]);
  const cellKey = (unitId: number, leaf: string) => `${unitId}:${leaf}`;
  const scoreByCell = new Map(scores.map((s) => [cellKey(s.unitId, s.leaf), s]));
  const findingsByCell = new Map<string, { count: number; items: number }>();
  for (const f of findings) {
    const key = cellKey(f.unitId, f.leaf);
    const agg = findingsByCell.get(key) ?? { count: 0, items: 0 };
    agg.count += f.count;
    agg.items += 1;
    findingsByCell.set(key, agg);
  }
  const leaves = scheme.leaves.filter((leaf) => leaf.groups === null || leaf.groups.has(input.group));
  return {
    round,
    group: { code: input.group, name: scheme.groups.find((g) => g.code === input.group)?.name ?? input.group },
    leaves: leaves.map((leaf) => {
      const node = nodes.find((n) => n.code === leaf.code);
      return {
        code: leaf.code,
        name: leaf.name,
        points: milliToNumber(leaf.points),
        rule: node?.rule ?? null,
        needsInput: leaf.needsInput,
        tags: leaf.tags,
        na: node?.na ?? null,
      };
    }),
    units: groupUnits.map((unit) => {
      const row = rowsByUnit.get(unit.code);
      const earned = new Map((row?.sheet ?? []).map((s) => [s.code, s]));
      return {
        id: unit.id,
        code: unit.code,
        name: unit.name,
        final: row?.final ?? null,
        rank: row?.rank ?? null,
        complete: row?.complete ?? false,
        missing: row?.missing ?? [],
        vetoes: row?.vetoes ?? [],
        cells: leaves.map((leaf) => {
          const score = scoreByCell.get(cellKey(unit.id, leaf.code));
          const f = findingsByCell.get(cellKey(unit.id, leaf.code));
          const sheet = earned.get(leaf.code);
          return {
            leaf: leaf.code,
            applicable: isLeafApplicable(leaf, unit),
            value: score?.value ?? null,
            naReason: score?.naReason ?? '',
            source: score?.source ?? null,
            findings: f?.items ?? 0,
            findingCount: f?.count ?? 0,
            earned: sheet?.earned ?? null,
            status: sheet?.status ?? null,
          };
        }),
      };
    }),
    issues,
  };
}
