// Rounds (测评轮次): opening one for a quarter under the year's scheme, listing them, locking
// one after its objection window; and the loaders every assessment service shares.
import { conflict, forbidden, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { roundListInputSchema, roundOpenInputSchema } from '@kaoping/contracts/assessment/assessment';
import { chinaToday, parsePeriod } from '@kaoping/domain/period/period';
import { periodLabel } from '@kaoping/domain/period/period-label';
import { compileScheme, type CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import { schemeSchema } from '@kaoping/contracts/scoring/scheme';
import type { Db } from '@kaoping/db/connect';
import { findPeriod } from '@kaoping/db/org/period.repository';
import { countPendingObjections, listObjections } from '@kaoping/db/assessment/objection.repository';
import { findLatestResultsOfRounds } from '@kaoping/db/assessment/publication.repository';
import {
  findRoundById,
  findRoundWithSchemeHash,
  findRoundsOfPeriod,
  insertRound,
  listRounds,
  markRoundLocked,
  withInputsVersions,
  type AssessmentRound,
} from '@kaoping/db/assessment/round.repository';
import { findSchemeById, findSchemeByYear, type SchemeRecord } from '@kaoping/db/assessment/scheme.repository';
import type { Context } from '../context';
import { recordChange } from '../audit/record-change';
import { unitScopeOf } from '../scope';

export type Authed = Context & { user: SessionUser };

export const ROUND_KIND_LABELS: Record<string, string> = { office: '本办测评', third_party: '第三方评估', self: '单位自评' };

export async function requireRound(db: Db, id: number): Promise<AssessmentRound> {
  const round = await findRoundById(db, id);
  if (!round) throw notFound('测评轮次不存在');
  return round;
}

/** A liaison sees a round's results only once it is published. */
export function assertRoundVisible(user: SessionUser, round: AssessmentRound): void {
  if (unitScopeOf(user) !== null && round.status === 'draft') {
    throw forbidden('本轮测评结果尚未发布');
  }
}

const compiled = new LRUCache<string, CompiledScheme>({ max: 50 });

/** The scheme compiled by the domain engine (cached by content hash: a hash names one content). */
export function compileStoredScheme(record: SchemeRecord): CompiledScheme {
  const cached = compiled.get(record.contentHash);
  if (cached) return cached;
  const parsed = schemeSchema.safeParse(record.scheme);
  if (!parsed.success) throw new Error(`方案 ${record.code} 数据无效`);
  const result = compileScheme(parsed.data);
  if (!result.ok) throw new Error(`方案 ${record.code} 无法编译:${result.issues.join(';')}`);
  compiled.set(record.contentHash, result.scheme);
  return result.scheme;
}

export async function requireRoundScheme(db: Db, round: AssessmentRound): Promise<{ record: SchemeRecord; scheme: CompiledScheme }> {
  const record = await findSchemeById(db, round.schemeId);
  if (!record) throw notFound('考核方案不存在');
  return { record, scheme: compileStoredScheme(record) };
}

/** A round and its compiled scheme, reading only the scheme's hash (with the round) when the compiled scheme is cached. */
export async function requireRoundCompiled(db: Db, id: number): Promise<{ round: AssessmentRound; scheme: CompiledScheme }> {
  const found = await findRoundWithSchemeHash(db, id);
  if (!found) throw notFound('测评轮次不存在');
  const cached = compiled.get(found.schemeHash);
  return { round: found.round, scheme: cached ?? (await requireRoundScheme(db, found.round)).scheme };
}

export async function openRound(ctx: Authed, input: z.output<typeof roundOpenInputSchema>): Promise<AssessmentRound> {
  const now = ctx.now();
  const period = parsePeriod(input.period);
  if (!period || period.kind !== 'quarter') throw invalidInput('期次应为季度,如 2025Q3');
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await findPeriod(trx, period.code))) throw invalidInput(`期次 ${period.code} 不存在,请先在设置中新增期次`);
    const scheme = await findSchemeByYear(trx, period.year);
    if (!scheme) throw invalidInput(`${period.year}年度尚无考核方案,请先导入方案`);
    compileStoredScheme(scheme);
    const existing = (await findRoundsOfPeriod(trx, period.code)).filter((r) => r.kind !== 'self');
    if (existing.length > 0) {
      throw conflict(`期次 ${period.code} 已有测评轮次(${ROUND_KIND_LABELS[existing[0]?.kind ?? 'office']}),每个季度只排一次名`);
    }
    const title = input.title || `${periodLabel(period)}政务公开${input.kind === 'office' ? '测评' : '第三方评估'}`;
    const round = await insertRound(
      trx,
      { periodCode: period.code, schemeId: scheme.id, kind: input.kind, title, objectionDays: input.objectionDays, createdBy: ctx.user.id },
      now.toISOString(),
    );
    await recordChange(trx, ctx.user, now, {
      action: 'assessment.round.open',
      entity: 'assessment_round',
      entityId: round.id,
      unitId: null,
      before: null,
      after: round,
    });
    return round;
  });
}

export interface RoundListRow extends AssessmentRound {
  schemeCode: string;
  pendingObjections: number;
  /** From the publication in force: units ranked and the group count. */
  unitCount: number | null;
  /** Whether the objection window is still open today (published rounds). */
  isObjectionOpen: boolean;
}

export async function listRoundsForUser(ctx: Authed, input: z.output<typeof roundListInputSchema>): Promise<RoundListRow[]> {
  const rounds = await withInputsVersions(ctx.db, await listRounds(ctx.db, { year: input.year, statuses: null, includeSelf: false }));
  const pending = await countPendingObjections(ctx.db);
  const published = await findLatestResultsOfRounds(
    ctx.db,
    rounds.filter((r) => r.status !== 'draft').map((r) => r.id),
  );
  const schemeCodes = new Map<number, string>();
  for (const r of rounds) {
    if (!schemeCodes.has(r.schemeId)) schemeCodes.set(r.schemeId, (await findSchemeById(ctx.db, r.schemeId))?.code ?? '');
  }
  const today = chinaToday(ctx.now());
  const scope = unitScopeOf(ctx.user);
  return rounds.map((r) => {
    const results = published.get(r.id);
    return {
      ...r,
      schemeCode: schemeCodes.get(r.schemeId) ?? '',
      pendingObjections: scope === null ? (pending.get(r.id) ?? 0) : 0,
      unitCount: results ? results.groups.reduce((n, g) => n + g.rows.length, 0) : null,
      isObjectionOpen: r.status === 'published' && r.objectionDeadline !== null && today <= r.objectionDeadline,
    };
  });
}

export async function getRound(ctx: Authed, roundId: number) {
  const [round] = await withInputsVersions(ctx.db, [await requireRound(ctx.db, roundId)]);
  if (!round) throw notFound('测评轮次不存在');
  const { record, scheme } = await requireRoundScheme(ctx.db, round);
  const today = chinaToday(ctx.now());
  return {
    round,
    scheme: { id: record.id, code: record.code, title: record.title, year: record.year, status: record.status, version: record.version },
    groups: scheme.groups.map((g) => ({ code: g.code, name: g.name })),
    isObjectionOpen: round.status === 'published' && round.objectionDeadline !== null && today <= round.objectionDeadline,
    today,
  };
}

/** published → locked, once the objection window is over and every objection is decided. */
export async function lockRound(ctx: Authed, input: { roundId: number; version: number }): Promise<AssessmentRound> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const round = await requireRound(trx, input.roundId);
    if (round.status !== 'published') throw invalidInput(round.status === 'locked' ? '本轮测评已锁定' : '本轮测评尚未发布');
    const today = chinaToday(now);
    if (round.objectionDeadline !== null && today <= round.objectionDeadline) {
      throw invalidInput(`申诉期至 ${round.objectionDeadline},期满后才能锁定`);
    }
    const pending = await listObjections(trx, { roundId: round.id, unitId: null, status: 'pending' });
    if (pending.length > 0) throw invalidInput(`还有 ${pending.length} 件申诉未处理,处理后才能锁定`);
    const locked = await markRoundLocked(trx, round.id, input.version, now.toISOString());
    if (!locked) throw conflict('本轮测评已被他人修改,请刷新后重试');
    await recordChange(trx, ctx.user, now, {
      action: 'assessment.round.lock',
      entity: 'assessment_round',
      entityId: round.id,
      unitId: null,
      before: { status: round.status },
      after: { status: 'locked' },
    });
    return locked;
  });
}
