// 网站检查 services: channels, the office's settings and 错敏词, runs (queued here, executed by the
// worker), results, the problem review and sending accepted problems to a round as findings or
// vetoes through the assessment services. Every mutation writes the audit log in its transaction.
import type { z } from 'zod';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type {
  siteChannelsSetInputSchema,
  siteCityInputSchema,
  siteProblemReviewInputSchema,
  siteProblemSendInputSchema,
  siteProblemsInputSchema,
  siteRunStartInputSchema,
  siteSettingsSaveInputSchema,
  siteWordsImportInputSchema,
  siteWordsSetInputSchema,
} from '@kaoping/contracts/site-check/site-check-api';
import { siteProblemKinds } from '@kaoping/contracts/site-check/site-check';
import type { SiteProblemKind } from '@kaoping/contracts/site-check/site-check';
import { listRounds } from '@kaoping/db/assessment/round.repository';
import {
  checkTargets,
  getEvidence,
  getProblem,
  getRun,
  getRunUnitResult,
  getSettings,
  insertRun,
  listChannels,
  listProblems,
  listRunUnits,
  listRuns,
  listWords,
  replaceChannels,
  replaceWords,
  requestCancel,
  runProblemKinds,
  saveSettings,
  updateProblem,
} from '@kaoping/db/site-check/site-check.repository';
import type { StoredProblem } from '@kaoping/db/site-check/site-check.repository';
import { listUnitOptions } from '@kaoping/db/units/unit.repository';
import { conflict, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import { chinaDateOf } from '@kaoping/domain/site-check/site-check-dates';
import { dedupeWords } from '@kaoping/domain/site-check/site-check-words';
import { formatImportIssue } from '@kaoping/importers/interchange/import-issue';
import { addEvent, addFinding } from '../assessment/assessment-input.service';
import { requireRound, requireRoundScheme } from '../assessment/round.service';
import { recordChange } from '../audit/record-change';
import type { Context } from '../context';
import { SITE_CHECK_DEFAULTS } from './site-check-defaults';
import { wakeSiteCheckWorker } from './site-check-worker';

export type Authed = Context & { user: SessionUser };

// ── channels ────────────────────────────────────────────────────────────────
export async function getChannels(ctx: Authed, unitId: number) {
  return listChannels(ctx.db, unitId);
}

export async function setChannels(ctx: Authed, input: z.output<typeof siteChannelsSetInputSchema>) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await listChannels(trx, input.unitId);
    await replaceChannels(trx, input.unitId, input.channels, now.toISOString());
    const after = await listChannels(trx, input.unitId);
    await recordChange(trx, ctx.user, now, {
      action: 'site.channels.set',
      entity: 'unit',
      entityId: input.unitId,
      unitId: input.unitId,
      before,
      after,
    });
    return after;
  });
}

// ── settings and words ──────────────────────────────────────────────────────
export async function readSettings(ctx: Authed) {
  return getSettings(ctx.db, SITE_CHECK_DEFAULTS);
}

export async function writeSettings(ctx: Authed, input: z.output<typeof siteSettingsSaveInputSchema>) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getSettings(trx, SITE_CHECK_DEFAULTS);
    const { version, ...settings } = input;
    if (!(await saveSettings(trx, settings, version, now.toISOString()))) throw conflict('检查设置已被他人修改,请刷新后重试');
    const after = await getSettings(trx, SITE_CHECK_DEFAULTS);
    await recordChange(trx, ctx.user, now, {
      action: 'site.settings.save',
      entity: 'site_check_settings',
      entityId: 'default',
      unitId: null,
      before,
      after,
    });
    return after;
  });
}

export async function getWords(ctx: Authed) {
  return listWords(ctx.db);
}

async function storeWords(ctx: Authed, words: { word: string; suggestion: string | null }[], action: string) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await listWords(trx);
    const list = dedupeWords(words);
    await replaceWords(trx, list, now.toISOString());
    await recordChange(trx, ctx.user, now, {
      action,
      entity: 'site_words',
      entityId: 'all',
      unitId: null,
      before: { count: before.length },
      after: { count: list.length },
    });
    return { count: list.length };
  });
}

export async function setWords(ctx: Authed, input: z.output<typeof siteWordsSetInputSchema>) {
  return storeWords(ctx, input.words, 'site.words.set');
}

/** .xlsx or CSV with `word,suggestion`; any bad row refuses the whole file and nothing is written. */
export async function importWords(ctx: Authed, input: z.output<typeof siteWordsImportInputSchema>) {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const read = await (
    await import('@kaoping/importers/site-check/site-check-lists')
  ).readWordsFile({ name: input.fileName, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  if (!read.ok) throw invalidInput(`错敏词表有误,未导入:${read.issues.slice(0, 20).map(formatImportIssue).join(';')}`, read.issues);
  if (read.value.length === 0) throw invalidInput('错敏词表没有任何词条');
  return storeWords(ctx, read.value, 'site.words.import');
}

// ── runs ────────────────────────────────────────────────────────────────────
export async function startRun(ctx: Authed, input: z.output<typeof siteRunStartInputSchema>) {
  const now = ctx.now();
  const scope = input.scope;
  const run = await ctx.db.transaction().execute(async (trx) => {
    const targets = await checkTargets(
      trx,
      scope.kind === 'units' ? { unitIds: scope.unitIds } : scope.kind === 'group' ? { groupId: scope.groupId } : {},
    );
    if (targets.length === 0) throw invalidInput('所选范围内没有单位');
    if (!targets.some((t) => t.url)) throw invalidInput('所选单位都没有登记门户网站地址');
    const scopeText = scope.kind === 'all' ? 'all' : scope.kind === 'group' ? `group:${scope.groupId}` : `units:${scope.unitIds.join(',')}`;
    const created = await insertRun(
      trx,
      {
        scope: scopeText,
        trigger: 'manual',
        judgedOn: input.judgedOn ?? chinaDateOf(now),
        createdBy: ctx.user.id,
        createdByName: ctx.user.displayName,
        targets,
      },
      now.toISOString(),
    );
    await recordChange(trx, ctx.user, now, {
      action: 'site.run.start',
      entity: 'site_check_run',
      entityId: created.id,
      unitId: null,
      before: null,
      after: { ...created, units: targets.length },
    });
    return created;
  });
  wakeSiteCheckWorker();
  return run;
}

export async function cancelRun(ctx: Authed, input: { runId: number }) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const run = await getRun(trx, input.runId);
    if (!run) throw notFound('检查任务不存在');
    if (!(await requestCancel(trx, run.id))) throw conflict('检查任务已结束,无法取消');
    await recordChange(trx, ctx.user, now, {
      action: 'site.run.cancel',
      entity: 'site_check_run',
      entityId: run.id,
      unitId: null,
      before: run,
      after: { ...run, cancelRequested: true },
    });
    return { ok: true };
  });
}

export async function getRuns(ctx: Authed) {
  return listRuns(ctx.db, 30);
}

/** A run with its units' progress (pages fetched, status, problems). */
export async function getRunProgress(ctx: Authed, input: { runId: number }) {
  const run = await getRun(ctx.db, input.runId);
  if (!run) throw notFound('检查任务不存在');
  const names = new Map((await listUnitOptions(ctx.db)).map((u) => [u.id, u]));
  const units = (await listRunUnits(ctx.db, run.id)).map((u) => ({
    ...u,
    unitCode: names.get(u.unitId)?.code ?? '',
    unitName: names.get(u.unitId)?.name ?? '',
  }));
  const finished = units.filter((u) => !['queued', 'running'].includes(u.status)).length;
  return { run, units, finished, pages: units.reduce((n, u) => n + u.pages, 0) };
}

export async function getUnitResult(ctx: Authed, input: { runId: number; unitId: number }) {
  const result = await getRunUnitResult(ctx.db, input.runId, input.unitId);
  if (!result) throw notFound('该单位在本次检查中没有结果');
  return result;
}

/** Units × problem kinds of the newest finished run, and each kind's count over the last runs (trend). */
export async function cityTable(ctx: Authed, input: z.output<typeof siteCityInputSchema>) {
  const runs = (await listRuns(ctx.db, 100))
    .filter((r) => r.status === 'done')
    .slice(0, input.runs)
    .reverse();
  const kinds = await runProblemKinds(
    ctx.db,
    runs.map((r) => r.id),
  );
  const latest = runs.at(-1);
  const names = new Map((await listUnitOptions(ctx.db)).map((u) => [u.id, u]));
  const zero = () => Object.fromEntries(siteProblemKinds.map((k) => [k, 0])) as Record<SiteProblemKind, number>;
  const rows = kinds
    .filter((k) => k.runId === latest?.id)
    .map((k) => {
      const counts = zero();
      for (const kind of k.kinds) counts[kind as SiteProblemKind]++;
      return {
        unitId: k.unitId,
        unitCode: names.get(k.unitId)?.code ?? '',
        unitName: names.get(k.unitId)?.name ?? '',
        counts,
        total: k.kinds.length,
      };
    })
    .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  const trend = runs.map((r) => {
    const counts = zero();
    for (const k of kinds.filter((x) => x.runId === r.id)) for (const kind of k.kinds) counts[kind as SiteProblemKind]++;
    return { runId: r.id, judgedOn: r.judgedOn, counts, units: kinds.filter((x) => x.runId === r.id).length };
  });
  return { run: latest ?? null, rows, trend };
}

// ── problems ────────────────────────────────────────────────────────────────
export async function getProblems(ctx: Authed, input: z.output<typeof siteProblemsInputSchema>) {
  const names = new Map((await listUnitOptions(ctx.db)).map((u) => [u.id, u]));
  const list = await listProblems(ctx.db, { ...(input.unitId ? { unitId: input.unitId } : {}), status: input.status });
  return list.map((p) => ({ ...p, unitCode: names.get(p.unitId)?.code ?? '', unitName: names.get(p.unitId)?.name ?? '' }));
}

async function requireProblem(db: Authed['db'], id: number): Promise<StoredProblem> {
  const p = await getProblem(db, id);
  if (!p) throw notFound('问题不存在');
  return p;
}

export async function reviewProblem(ctx: Authed, input: z.output<typeof siteProblemReviewInputSchema>) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await requireProblem(trx, input.problemId);
    if (before.status === 'sent') throw conflict('该问题已转为扣分记录,请在测评页面处理');
    if (before.status === 'resolved') throw conflict('该问题已在后续检查中消除');
    if (input.decision === 'dismiss' && input.reason.length < 2) throw invalidInput('请填写不予采纳的理由(至少2个字)');
    const status = input.decision === 'accept' ? 'accepted' : input.decision === 'dismiss' ? 'dismissed' : 'open';
    const after = await updateProblem(trx, before.id, input.version, {
      status,
      reviewReason: input.reason || null,
      reviewedByName: ctx.user.displayName,
      reviewedAt: now.toISOString(),
    });
    if (!after) throw conflict('该问题已被他人处理,请刷新后重试');
    await recordChange(trx, ctx.user, now, {
      action: 'site.problem.review',
      entity: 'site_problem',
      entityId: after.id,
      unitId: after.unitId,
      before,
      after,
    });
    return after;
  });
}

/** Rounds not locked (draft, or published: then as a correction), with their `deduct` leaves and veto codes. */
export async function sendTargets(ctx: Authed) {
  const rounds = (await listRounds(ctx.db, { year: null, statuses: ['draft', 'published'], includeSelf: false })).slice(0, 20);
  const out = [];
  for (const round of rounds) {
    const { scheme } = await requireRoundScheme(ctx.db, round);
    out.push({
      roundId: round.id,
      status: round.status,
      name: round.title,
      period: round.periodCode,
      leaves: scheme.leaves.filter((l) => l.rule.kind === 'deduct').map((l) => ({ code: l.code, name: l.name })),
      vetoes: [...scheme.events.values()].filter((e) => e.type === 'veto').map((e) => ({ code: e.code, name: e.name })),
    });
  }
  return out;
}

function findingText(p: StoredProblem): string {
  const evidence = p.evidence
    ? `证据:${p.evidence.at} 抓取,HTTP ${p.evidence.status},页面 SHA-256 ${p.evidence.sha256}`
    : '证据:无页面快照';
  return `【网站检查】${p.detail}(${evidence})`;
}

/**
 * Sends accepted problems to a round: deductions as findings on the chosen `deduct` leaf, veto items
 * as the chosen veto event, each with its URL and evidence. Each goes through the assessment
 * service (its own transaction and audit entry); the problem is then marked sent in another.
 */
export async function sendProblems(ctx: Authed, input: z.output<typeof siteProblemSendInputSchema>) {
  const problems = await Promise.all(input.problemIds.map((id) => requireProblem(ctx.db, id)));
  const notAccepted = problems.filter((p) => p.status !== 'accepted');
  if (notAccepted.length > 0) throw invalidInput(`只能发送已采纳的问题(${notAccepted.map((p) => p.id).join(', ')} 未采纳)`);
  if (problems.some((p) => p.veto) && !input.vetoCode) throw invalidInput('所选问题包含单项否决项,请选择否决项编码');
  const round = await requireRound(ctx.db, input.roundId);
  const sent: { problemId: number; findingId: number | null; eventId: number | null }[] = [];
  for (const p of problems) {
    let findingId: number | null = null;
    let eventId: number | null = null;
    if (p.veto) {
      const { event } = await addEvent(ctx, {
        roundId: round.id,
        unitId: p.unitId,
        code: input.vetoCode ?? '',
        note: findingText(p).slice(0, 2000),
        reason: input.reason,
      });
      eventId = event?.id ?? null;
    } else {
      const { finding } = await addFinding(ctx, {
        roundId: round.id,
        unitId: p.unitId,
        leaf: input.leaf,
        count: 1,
        deduction: null,
        description: findingText(p).slice(0, 2000),
        url: (p.url ?? '').slice(0, 2000),
        seenAt: p.lastSeenAt,
        screenshot: null,
        reason: input.reason,
      });
      findingId = finding.id;
    }
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      const after = await updateProblem(trx, p.id, p.version, { status: 'sent', findingId, eventId, roundId: round.id });
      if (!after) throw conflict('该问题已被他人处理,请刷新后重试');
      await recordChange(trx, ctx.user, now, {
        action: 'site.problem.send',
        entity: 'site_problem',
        entityId: p.id,
        unitId: p.unitId,
        before: p,
        after,
      });
    });
    sent.push({ problemId: p.id, findingId, eventId });
  }
  return { sent };
}

export async function getEvidencePage(ctx: Authed, input: { sha256: string }) {
  const e = await getEvidence(ctx.db, input.sha256);
  if (!e) throw notFound('证据页面不存在');
  return { sha256: e.sha256, url: e.url, status: e.status, fetchedAt: e.fetched_at, html: e.html };
}

/** The run as the monthly 通报 workbook (.xlsx, base64). */
export async function exportRun(ctx: Authed, input: { runId: number }) {
  const { run, units } = await getRunProgress(ctx, input);
  const rows = [];
  for (const u of units) {
    const result = u.status === 'done' ? await getRunUnitResult(ctx.db, run.id, u.unitId) : null;
    rows.push({
      unitCode: u.unitCode,
      unitName: u.unitName,
      url: u.url,
      result,
      note: u.status === 'skipped' ? '未登记网站' : u.status === 'done' ? '' : '未完成检查',
    });
  }
  const month = `${run.judgedOn.slice(0, 4)}年${Number(run.judgedOn.slice(5, 7))}月`;
  const bytes = await (
    await import('@kaoping/exporters/site-check/site-check-xlsx')
  ).buildSiteCheckWorkbook(`政府网站检查情况通报(${month})`, rows);
  return { fileName: `网站检查-${run.judgedOn}.xlsx`, contentBase64: bytes.toString('base64') };
}
