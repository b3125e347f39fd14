// 网站检查 storage: channels, settings, 错敏词, runs with per-unit progress and results, problems
// (one row per unit and problem key, across checks) and pages kept as evidence.
import type { RequiredColumn, SiteCheckResult, SiteProblem, WordEntry } from '@kaoping/contracts/site-check/site-check';
import type { Selectable } from 'kysely';
import type { Db } from '../connect';
import type { Database } from '../schema';

// ── channels ────────────────────────────────────────────────────────────────
export type ChannelKind = 'website' | 'column' | 'new_media';
export interface SiteChannel {
  id: number;
  unitId: number;
  kind: ChannelKind;
  name: string;
  url: string;
}

export async function listChannels(db: Db, unitId?: number): Promise<SiteChannel[]> {
  let q = db.selectFrom('site_channels').selectAll().orderBy('unit_id').orderBy('id');
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  const rows = await q.execute();
  return rows.map((r) => ({ id: Number(r.id), unitId: r.unit_id, kind: r.kind as ChannelKind, name: r.name, url: r.url }));
}

export async function replaceChannels(
  db: Db,
  unitId: number,
  channels: readonly Omit<SiteChannel, 'id' | 'unitId'>[],
  now: string,
): Promise<void> {
  await db.deleteFrom('site_channels').where('unit_id', '=', unitId).execute();
  if (channels.length > 0)
    await db
      .insertInto('site_channels')
      .values(channels.map((c) => ({ unit_id: unitId, kind: c.kind, name: c.name, url: c.url, created_at: now })))
      .execute();
}

// ── settings ────────────────────────────────────────────────────────────────
export interface SiteCheckLimitsSetting {
  maxPages: number;
  maxDepth: number;
  perHostConcurrency: number;
  minIntervalMs: number;
  pageTimeoutMs: number;
}
export interface SiteCheckSettings {
  columns: RequiredColumn[];
  limits: SiteCheckLimitsSetting;
  scheduleDay: number | null;
  version: number;
  updatedAt: string | null;
}

export async function getSettings(db: Db, defaults: Omit<SiteCheckSettings, 'version' | 'updatedAt'>): Promise<SiteCheckSettings> {
  const row = await db.selectFrom('site_check_settings').selectAll().where('key', '=', 'default').executeTakeFirst();
  if (!row) return { ...defaults, version: 0, updatedAt: null };
  return {
    columns: JSON.parse(row.columns_json) as RequiredColumn[],
    limits: { ...defaults.limits, ...(JSON.parse(row.limits_json) as Partial<SiteCheckLimitsSetting>) },
    scheduleDay: row.schedule_day,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** Saves when `version` is the stored one (0 = never saved); false when someone else saved first. */
export async function saveSettings(
  db: Db,
  s: Omit<SiteCheckSettings, 'version' | 'updatedAt'>,
  version: number,
  now: string,
): Promise<boolean> {
  const values = {
    columns_json: JSON.stringify(s.columns),
    limits_json: JSON.stringify(s.limits),
    schedule_day: s.scheduleDay,
    updated_at: now,
  };
  if (version === 0) {
    const exists = await db.selectFrom('site_check_settings').select('key').where('key', '=', 'default').executeTakeFirst();
    if (exists) return false;
    await db
      .insertInto('site_check_settings')
      .values({ key: 'default', ...values, version: 1 })
      .execute();
    return true;
  }
  const r = await db
    .updateTable('site_check_settings')
    .set({ ...values, version: version + 1 })
    .where('key', '=', 'default')
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ── 错敏词 ──────────────────────────────────────────────────────────────────
export async function listWords(db: Db): Promise<WordEntry[]> {
  const rows = await db.selectFrom('site_words').select(['word', 'suggestion']).orderBy('id').execute();
  return rows.map((r) => ({ word: r.word, suggestion: r.suggestion }));
}

export async function replaceWords(db: Db, words: readonly WordEntry[], now: string): Promise<void> {
  await db.deleteFrom('site_words').execute();
  for (let i = 0; i < words.length; i += 500) {
    await db
      .insertInto('site_words')
      .values(words.slice(i, i + 500).map((w) => ({ word: w.word, suggestion: w.suggestion, created_at: now })))
      .execute();
  }
}

// ── runs ────────────────────────────────────────────────────────────────────
export type RunStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';
export type RunUnitStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'skipped';
export interface SiteCheckRun {
  id: number;
  scope: string;
  status: RunStatus;
  trigger: 'manual' | 'schedule';
  judgedOn: string;
  createdByName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  cancelRequested: boolean;
  error: string | null;
}
export interface SiteCheckRunUnit {
  id: number;
  runId: number;
  unitId: number;
  url: string | null;
  status: RunUnitStatus;
  pages: number;
  problems: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

type RunRow = {
  id: number;
  scope: string;
  status: string;
  trigger: string;
  judged_on: string;
  created_by_name: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  cancel_requested: number;
  error: string | null;
};
const toRun = (r: RunRow): SiteCheckRun => ({
  id: Number(r.id),
  scope: r.scope,
  status: r.status as RunStatus,
  trigger: r.trigger as 'manual' | 'schedule',
  judgedOn: r.judged_on,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  cancelRequested: Number(r.cancel_requested) === 1,
  error: r.error,
});

export async function insertRun(
  db: Db,
  run: {
    scope: string;
    trigger: 'manual' | 'schedule';
    judgedOn: string;
    createdBy: number | null;
    createdByName: string;
    targets: readonly { unitId: number; url: string | null }[];
  },
  now: string,
): Promise<SiteCheckRun> {
  const row = await db
    .insertInto('site_check_runs')
    .values({
      scope: run.scope,
      status: 'queued',
      trigger: run.trigger,
      judged_on: run.judgedOn,
      created_by: run.createdBy,
      created_by_name: run.createdByName,
      created_at: now,
      started_at: null,
      finished_at: null,
      error: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (run.targets.length > 0) {
    await db
      .insertInto('site_check_units')
      .values(
        run.targets.map((t) => ({
          run_id: Number(row.id),
          unit_id: t.unitId,
          url: t.url,
          status: t.url ? 'queued' : 'skipped',
          started_at: null,
          finished_at: null,
          result_json: null,
          error: t.url ? null : '未登记网站地址',
        })),
      )
      .execute();
  }
  return toRun(row as RunRow);
}

export async function getRun(db: Db, id: number): Promise<SiteCheckRun | null> {
  const r = await db.selectFrom('site_check_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRun(r as RunRow) : null;
}

export async function listRuns(db: Db, limit = 50): Promise<SiteCheckRun[]> {
  const rows = await db.selectFrom('site_check_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => toRun(r as RunRow));
}

export async function lastScheduledRunOn(db: Db, month: string): Promise<SiteCheckRun | null> {
  const r = await db
    .selectFrom('site_check_runs')
    .selectAll()
    .where('trigger', '=', 'schedule')
    .where('judged_on', 'like', `${month}-%`)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r ? toRun(r as RunRow) : null;
}

export async function nextQueuedRun(db: Db): Promise<SiteCheckRun | null> {
  const r = await db.selectFrom('site_check_runs').selectAll().where('status', '=', 'queued').orderBy('id').executeTakeFirst();
  return r ? toRun(r as RunRow) : null;
}

export async function setRunStatus(db: Db, id: number, status: RunStatus, at: string, error: string | null = null): Promise<void> {
  const times = status === 'running' ? { started_at: at } : status === 'queued' ? {} : { finished_at: at };
  await db
    .updateTable('site_check_runs')
    .set({ status, error, ...times })
    .where('id', '=', id)
    .execute();
}

export async function requestCancel(db: Db, id: number): Promise<boolean> {
  const r = await db
    .updateTable('site_check_runs')
    .set({ cancel_requested: 1 })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Runs a server stopped in the middle of: back to the queue, their unfinished units with them. */
export async function requeueInterruptedRuns(db: Db): Promise<number> {
  const running = await db.selectFrom('site_check_runs').select('id').where('status', '=', 'running').execute();
  for (const r of running) {
    await db
      .updateTable('site_check_units')
      .set({ status: 'queued', pages: 0, started_at: null })
      .where('run_id', '=', Number(r.id))
      .where('status', '=', 'running')
      .execute();
    await db.updateTable('site_check_runs').set({ status: 'queued' }).where('id', '=', Number(r.id)).execute();
  }
  return running.length;
}

type UnitRow = {
  id: number;
  run_id: number;
  unit_id: number;
  url: string | null;
  status: string;
  pages: number;
  problems: number;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
};
const toRunUnit = (r: UnitRow): SiteCheckRunUnit => ({
  id: Number(r.id),
  runId: r.run_id,
  unitId: r.unit_id,
  url: r.url,
  status: r.status as RunUnitStatus,
  pages: Number(r.pages),
  problems: Number(r.problems),
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  error: r.error,
});

export async function listRunUnits(db: Db, runId: number): Promise<SiteCheckRunUnit[]> {
  const rows = await db
    .selectFrom('site_check_units')
    .select(['id', 'run_id', 'unit_id', 'url', 'status', 'pages', 'problems', 'started_at', 'finished_at', 'error'])
    .where('run_id', '=', runId)
    .orderBy('id')
    .execute();
  return rows.map((r) => toRunUnit(r as UnitRow));
}

export async function setRunUnit(
  db: Db,
  id: number,
  change: {
    status?: RunUnitStatus;
    pages?: number;
    startedAt?: string;
    finishedAt?: string;
    result?: SiteCheckResult & { problems: SiteProblem[] };
    problems?: number;
    error?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('site_check_units')
    .set({
      ...(change.status ? { status: change.status } : {}),
      ...(change.pages !== undefined ? { pages: change.pages } : {}),
      ...(change.startedAt ? { started_at: change.startedAt } : {}),
      ...(change.finishedAt ? { finished_at: change.finishedAt } : {}),
      ...(change.result ? { result_json: JSON.stringify(change.result) } : {}),
      ...(change.problems !== undefined ? { problems: change.problems } : {}),
      ...(change.error !== undefined ? { error: change.error } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** The stored result of one unit in one run. */
export async function getRunUnitResult(
  db: Db,
  runId: number,
  unitId: number,
): Promise<(SiteCheckResult & { problems: SiteProblem[] }) | null> {
  const r = await db
    .selectFrom('site_check_units')
    .select('result_json')
    .where('run_id', '=', runId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return r?.result_json ? (JSON.parse(r.result_json) as SiteCheckResult & { problems: SiteProblem[] }) : null;
}

/** Problem kinds per unit of finished units of the given runs (for the city table and the trend). */
export async function runProblemKinds(db: Db, runIds: readonly number[]): Promise<{ runId: number; unitId: number; kinds: string[] }[]> {
  if (runIds.length === 0) return [];
  const rows = await db
    .selectFrom('site_check_units')
    .select(['run_id', 'unit_id', 'result_json'])
    .where('run_id', 'in', [...runIds])
    .where('status', '=', 'done')
    .execute();
  return rows.map((r) => ({
    runId: r.run_id,
    unitId: r.unit_id,
    kinds: ((JSON.parse(r.result_json ?? '{}') as { problems?: SiteProblem[] }).problems ?? []).map((p) => p.kind),
  }));
}

// ── problems ────────────────────────────────────────────────────────────────
export type ProblemStatus = 'open' | 'accepted' | 'dismissed' | 'sent' | 'resolved';
export interface StoredProblem extends SiteProblem {
  id: number;
  unitId: number;
  status: ProblemStatus;
  firstRunId: number;
  lastRunId: number;
  lastSeenAt: string;
  reviewReason: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  findingId: number | null;
  eventId: number | null;
  roundId: number | null;
  resolvedRunId: number | null;
  evidence: { sha256: string; status: number; at: string } | null;
  version: number;
}

type ProblemRow = Selectable<Database['site_problems']>;
const toProblem = (r: ProblemRow): StoredProblem => ({
  id: Number(r.id),
  unitId: r.unit_id,
  key: r.key,
  kind: r.kind as SiteProblem['kind'],
  veto: Number(r.veto) === 1,
  url: r.url,
  detail: r.detail,
  status: r.status as ProblemStatus,
  firstRunId: r.first_run_id,
  lastRunId: r.last_run_id,
  lastSeenAt: r.last_seen_at,
  reviewReason: r.review_reason,
  reviewedByName: r.reviewed_by_name,
  reviewedAt: r.reviewed_at,
  findingId: r.finding_id,
  eventId: r.event_id,
  roundId: r.round_id,
  resolvedRunId: r.resolved_run_id,
  evidence: r.evidence_sha256 ? { sha256: r.evidence_sha256, status: Number(r.evidence_status), at: r.evidence_at ?? '' } : null,
  version: r.version,
});

export async function listProblems(db: Db, filter: { unitId?: number; status?: ProblemStatus[] } = {}): Promise<StoredProblem[]> {
  let q = db.selectFrom('site_problems').selectAll().orderBy('unit_id').orderBy('id');
  if (filter.unitId !== undefined) q = q.where('unit_id', '=', filter.unitId);
  if (filter.status && filter.status.length > 0) q = q.where('status', 'in', filter.status);
  return (await q.execute()).map(toProblem);
}

export async function getProblem(db: Db, id: number): Promise<StoredProblem | null> {
  const r = await db.selectFrom('site_problems').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toProblem(r) : null;
}

/**
 * Records what one unit's check found: new problems open, known ones are seen again (a resolved or
 * dismissed one found again reopens), and problems of this unit still pending (open, accepted,
 * sent) that the check no longer finds are resolved by this run — the fix is verified. A check that
 * could not read the site (`resolveMissing` false) resolves nothing: not finding is not verifying.
 */
export async function recordUnitProblems(
  db: Db,
  unitId: number,
  runId: number,
  problems: readonly (SiteProblem & { evidence: { sha256: string; status: number; at: string } | null })[],
  now: string,
  resolveMissing = true,
): Promise<{ opened: number; resolved: number }> {
  const existing = new Map((await listProblems(db, { unitId })).map((p) => [p.key, p]));
  let opened = 0;
  for (const p of problems) {
    const known = existing.get(p.key);
    const evidence = {
      evidence_sha256: p.evidence?.sha256 ?? null,
      evidence_status: p.evidence?.status ?? null,
      evidence_at: p.evidence?.at ?? null,
    };
    if (!known) {
      await db
        .insertInto('site_problems')
        .values({
          unit_id: unitId,
          key: p.key,
          kind: p.kind,
          veto: p.veto ? 1 : 0,
          url: p.url,
          detail: p.detail,
          first_run_id: runId,
          last_run_id: runId,
          last_seen_at: now,
          status: 'open',
          review_reason: null,
          reviewed_by_name: null,
          reviewed_at: null,
          finding_id: null,
          event_id: null,
          round_id: null,
          resolved_run_id: null,
          ...evidence,
          version: 1,
        })
        .execute();
      opened++;
    } else {
      const reopen = known.status === 'resolved';
      await db
        .updateTable('site_problems')
        .set({
          detail: p.detail,
          url: p.url,
          last_run_id: runId,
          last_seen_at: now,
          ...evidence,
          ...(reopen ? { status: 'open', resolved_run_id: null, finding_id: null, event_id: null, round_id: null } : {}),
          version: known.version + 1,
        })
        .where('id', '=', known.id)
        .execute();
      if (reopen) opened++;
    }
  }
  const found = new Set(problems.map((p) => p.key));
  const gone = resolveMissing
    ? [...existing.values()].filter((p) => !found.has(p.key) && (p.status === 'open' || p.status === 'accepted' || p.status === 'sent'))
    : [];
  for (const p of gone)
    await db
      .updateTable('site_problems')
      .set({ status: 'resolved', resolved_run_id: runId, version: p.version + 1 })
      .where('id', '=', p.id)
      .execute();
  return { opened, resolved: gone.length };
}

export async function updateProblem(
  db: Db,
  id: number,
  version: number,
  change: {
    status: ProblemStatus;
    reviewReason?: string | null;
    reviewedByName?: string;
    reviewedAt?: string;
    findingId?: number | null;
    eventId?: number | null;
    roundId?: number | null;
  },
): Promise<StoredProblem | null> {
  const r = await db
    .updateTable('site_problems')
    .set({
      status: change.status,
      ...(change.reviewReason !== undefined ? { review_reason: change.reviewReason } : {}),
      ...(change.reviewedByName !== undefined ? { reviewed_by_name: change.reviewedByName } : {}),
      ...(change.reviewedAt !== undefined ? { reviewed_at: change.reviewedAt } : {}),
      ...(change.findingId !== undefined ? { finding_id: change.findingId } : {}),
      ...(change.eventId !== undefined ? { event_id: change.eventId } : {}),
      ...(change.roundId !== undefined ? { round_id: change.roundId } : {}),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return r ? toProblem(r) : null;
}

// ── evidence ────────────────────────────────────────────────────────────────
export async function putEvidence(
  db: Db,
  e: { sha256: string; url: string; status: number; fetchedAt: string; html: string },
): Promise<void> {
  await db
    .insertInto('site_evidence')
    .values({ sha256: e.sha256, url: e.url, status: e.status, fetched_at: e.fetchedAt, html: e.html })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function getEvidence(db: Db, sha256: string) {
  return db.selectFrom('site_evidence').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

// ── targets ─────────────────────────────────────────────────────────────────
/** Active units (all, or one group's), each with its website channel if it has one. */
export async function checkTargets(
  db: Db,
  filter: { unitIds?: readonly number[]; groupId?: number },
): Promise<{ unitId: number; code: string; name: string; url: string | null }[]> {
  let q = db.selectFrom('units as u').select(['u.id', 'u.code', 'u.name']).where('u.valid_to', 'is', null).orderBy('u.code');
  if (filter.unitIds) q = q.where('u.id', 'in', filter.unitIds.length > 0 ? [...filter.unitIds] : [-1]);
  if (filter.groupId !== undefined) {
    const groupId = filter.groupId;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('unit_groups as ug').select('ug.unit_id').whereRef('ug.unit_id', '=', 'u.id').where('ug.group_id', '=', groupId),
      ),
    );
  }
  const units = await q.execute();
  const sites = await db.selectFrom('site_channels').select(['unit_id', 'url']).where('kind', '=', 'website').orderBy('id').execute();
  const siteOf = new Map<number, string>();
  for (const s of sites) if (!siteOf.has(s.unit_id)) siteOf.set(s.unit_id, s.url);
  return units.map((u) => ({ unitId: Number(u.id), code: u.code, name: u.name, url: siteOf.get(Number(u.id)) ?? null }));
}

// ── probes ──────────────────────────────────────────────────────────────────
export async function insertProbes(
  db: Db,
  probes: readonly { unitId: number; at: string; status: number; elapsedMs: number }[],
): Promise<void> {
  if (probes.length === 0) return;
  await db
    .insertInto('site_probes')
    .values(probes.map((p) => ({ unit_id: p.unitId, at: p.at, status: p.status, elapsed_ms: Math.round(p.elapsedMs) })))
    .execute();
}

/** A unit's probes from `since` (ISO instant) on, oldest first. */
export async function probesSince(db: Db, unitId: number, since: string): Promise<{ at: string; status: number; elapsedMs: number }[]> {
  const rows = await db
    .selectFrom('site_probes')
    .select(['at', 'status', 'elapsed_ms'])
    .where('unit_id', '=', unitId)
    .where('at', '>=', since)
    .orderBy('at')
    .execute();
  return rows.map((r) => ({ at: r.at, status: r.status, elapsedMs: r.elapsed_ms }));
}

/** When the last probe round started (any unit), or null. */
export async function lastProbeAt(db: Db): Promise<string | null> {
  const r = await db
    .selectFrom('site_probes')
    .select((eb) => eb.fn.max('at').as('at'))
    .executeTakeFirst();
  return (r?.at as string | null | undefined) ?? null;
}
