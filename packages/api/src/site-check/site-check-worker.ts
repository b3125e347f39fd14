// Runs queued site checks off the request path: an in-process loop that picks the oldest queued run,
// checks its units a few at a time (async I/O; requests are never waited on), records progress per
// unit, stops when the run's cancel flag is set (polled, so a cancel from any process works), and
// after a restart puts interrupted runs back in the queue. It also starts the monthly scheduled run.
//
// Several server processes may share one database, and each starts a worker; only the one holding
// the 'site-check-worker' lease (db/jobs) works: it schedules the monthly run, probes homepages and
// runs checks, renewing the lease every few seconds. When its process stops or hangs, the lease
// expires and another worker takes over, first requeueing the runs the old leader left running.
// Claiming a run is itself atomic (db/jobs/site-check-claim), so even an old leader that has not
// yet noticed its lease is gone never starts a run twice.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { RequiredColumn, SiteProblem } from '@kaoping/contracts/site-check/site-check';
import type { Db } from '@kaoping/db/connect';
import {
  checkTargets,
  getRun,
  getSettings,
  insertProbes,
  insertRun,
  lastProbeAt,
  lastScheduledRunOn,
  listRunUnits,
  listWords,
  nextQueuedRun,
  probesSince,
  putEvidence,
  recordUnitProblems,
  requeueInterruptedRuns,
  setRunStatus,
  setRunUnit,
} from '@kaoping/db/site-check/site-check.repository';
import type { SiteCheckRun } from '@kaoping/db/site-check/site-check.repository';
import { acquireLease, releaseLease } from '@kaoping/db/jobs/job-lease.repository';
import { claimNextQueuedRun } from '@kaoping/db/jobs/site-check-claim';
import { addDays, chinaDateOf } from '@kaoping/domain/site-check/site-check-dates';
import { MONITOR_DAYS, PROBE_TIMEOUT_MS, PROBES_PER_DAY, reachability } from '@kaoping/domain/site-check/site-check-reachability';
import { siteProblems } from '@kaoping/domain/site-check/site-check-problems';
import type { CheckSiteOptions, SiteCheckRun as CheckedSite } from '@kaoping/importers/site-check/site-check-check-site';
import { SITE_CHECK_DEFAULTS } from './site-check-defaults';

export interface SiteCheckWorkerOptions {
  now?: () => Date;
  /** Units checked at once (each site is polite on its own). */
  siteConcurrency?: number;
  pollMs?: number;
  /** Overrides for tests (e.g. no politeness interval against the fixture city). */
  limits?: CheckSiteOptions['limits'];
  onError?: (error: unknown) => void;
  /** Time between two homepage probe rounds; default 72 min (20 a day, the indicator's minimum); 0 = no probing. */
  probeEveryMs?: number;
  /** How long the worker lease lasts unless renewed (renewed every third of it); default 30 s. */
  leaseMs?: number;
  /** The lease's name: one per office, since each office's worker runs on its office's handle; default SITE_CHECK_LEASE. */
  leaseName?: string;
}

export const SITE_CHECK_LEASE = 'site-check-worker';

export interface SiteCheckWorker {
  /** Look for queued runs now instead of at the next poll. */
  wake(): void;
  /** Resolves when no run is queued or running. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

// One worker per office in a process (each on its office's handle).
const running = new Set<SiteCheckWorker>();

/** Wake the process's worker, if one runs here (the service calls this after queueing a run). */
export function wakeSiteCheckWorker(): void {
  for (const worker of running) worker.wake();
}

export function startSiteCheckWorker(db: Db, options: SiteCheckWorkerOptions = {}): SiteCheckWorker {
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 2000;
  const concurrency = options.siteConcurrency ?? 4;
  let stopped = false;
  let busy: Promise<void> | null = null;
  let idleWaiters: (() => void)[] = [];
  const leaseMs = options.leaseMs ?? 30_000;
  const leaseName = options.leaseName ?? SITE_CHECK_LEASE;
  // The lease is about process liveness, so it runs on the real clock even when `now` is a test's.
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let leader = false;
  /** Set when a renewal failed: the current run stops and stays 'running' for the new leader to requeue. */
  let lost = false;

  let renewedAt = 0;
  /**
   * Takes or renews the lease; on taking it, requeues what the previous leader left running. A poll
   * soon after a renewal does not write again: a lease write every poll is needless load on the
   * primary (job_leases is not among the tables that move the office data version).
   */
  async function lead(renew = false): Promise<boolean> {
    if (!renew && leader && !lost && Date.now() - renewedAt < leaseMs / 3) return true;
    const held = await acquireLease(db, { name: leaseName, holder, now: new Date(), ttlMs: leaseMs });
    if (held) renewedAt = Date.now();
    if (held && !leader) {
      lost = false;
      await requeueInterruptedRuns(db);
    }
    if (!held && leader) lost = true;
    leader = held;
    return held;
  }
  const renewal = setInterval(
    () => {
      if (leader && !stopped) void lead(true).catch((e: unknown) => options.onError?.(e));
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  renewal.unref();

  async function runOne(run: SiteCheckRun): Promise<void> {
    const settings = await getSettings(db, SITE_CHECK_DEFAULTS);
    const words = await listWords(db);
    const controller = new AbortController();
    const watch = setInterval(() => {
      void getRun(db, run.id).then(
        (r) => {
          if (r?.cancelRequested || stopped || lost) controller.abort(new Error('cancelled'));
        },
        () => undefined,
      );
    }, 500);
    try {
      const units = (await listRunUnits(db, run.id)).filter((u) => u.status === 'queued');
      let next = 0;
      const lane = async () => {
        while (next < units.length && !controller.signal.aborted) {
          const unit = units[next++];
          if (!unit?.url) continue;
          await checkUnit(
            run,
            unit.id,
            unit.unitId,
            unit.url,
            settings.columns,
            words,
            { ...settings.limits, ...options.limits },
            controller.signal,
          );
        }
      };
      await Promise.all(Array.from({ length: concurrency }, lane));
      const at = now().toISOString();
      if (controller.signal.aborted) {
        // Stopped by a shutdown or a lost lease: leave the run and its unfinished units running, so
        // the next leader requeues them; only a cancel request ends them.
        if (!stopped && !lost) {
          for (const u of await listRunUnits(db, run.id))
            if (u.status === 'queued' || u.status === 'running') await setRunUnit(db, u.id, { status: 'cancelled', finishedAt: at });
          await setRunStatus(db, run.id, 'cancelled', at);
        }
      } else await setRunStatus(db, run.id, 'done', at);
    } finally {
      clearInterval(watch);
    }
  }

  async function checkUnit(
    run: SiteCheckRun,
    rowId: number,
    unitId: number,
    url: string,
    columns: RequiredColumn[],
    words: { word: string; suggestion: string | null }[],
    limits: CheckSiteOptions['limits'],
    signal: AbortSignal,
  ) {
    await setRunUnit(db, rowId, { status: 'running', startedAt: now().toISOString(), pages: 0 });
    let lastWrite = 0;
    let finished = false;
    let checked: CheckedSite;
    try {
      // The crawler (undici, html parser) loads with the first check, not with the server.
      const { checkSite } = await import('@kaoping/importers/site-check/site-check-check-site');
      checked = await checkSite(url, {
        columns,
        words,
        today: run.judgedOn,
        now,
        limits,
        signal,
        onProgress: (p) => {
          // Progress is written at most twice a second per unit.
          if (finished || Date.now() - lastWrite < 500) return;
          lastWrite = Date.now();
          void setRunUnit(db, rowId, { pages: p.pages }).catch(() => undefined);
        },
      });
    } catch (error) {
      finished = true;
      await setRunUnit(db, rowId, {
        status: signal.aborted ? 'cancelled' : 'failed',
        finishedAt: now().toISOString(),
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    finished = true;
    // 站点无法访问: judged on the week of probes when there are enough, else on this check alone.
    await insertProbes(db, [{ unitId, ...checked.probe }]);
    const since = `${addDays(run.judgedOn, -MONITOR_DAYS)}T00:00:00.000Z`;
    const week = reachability(await probesSince(db, unitId, since));
    const problems = siteProblems(checked.result, run.judgedOn, week.sufficient ? week : undefined);
    const withEvidence = problems.map((p) => ({ ...p, evidence: evidenceOf(checked, p) }));
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      for (const p of checked.pages) {
        if (p.html && p.sha256 && withEvidence.some((w) => w.evidence?.sha256 === p.sha256))
          await putEvidence(trx, { sha256: p.sha256, url: p.finalUrl, status: p.status, fetchedAt: p.fetchedAt, html: p.html });
      }
      await recordUnitProblems(trx, unitId, run.id, withEvidence, at, checked.result.reachable);
      await setRunUnit(trx, rowId, {
        status: 'done',
        finishedAt: at,
        pages: checked.result.pages,
        result: { ...checked.result, problems },
        problems: problems.length,
        error: null,
      });
    });
  }

  function evidenceOf(checked: CheckedSite, p: SiteProblem): { sha256: string; status: number; at: string } | null {
    const page = checked.pages.find((pg) => pg.url === p.url || pg.finalUrl === p.url) ?? checked.pages[0];
    return page?.sha256 && page.html ? { sha256: page.sha256, status: page.status, at: page.fetchedAt } : null;
  }

  async function schedule(): Promise<void> {
    const settings = await getSettings(db, SITE_CHECK_DEFAULTS);
    if (settings.scheduleDay === null) return;
    const today = chinaDateOf(now());
    if (Number(today.slice(8, 10)) < settings.scheduleDay) return;
    if (await lastScheduledRunOn(db, today.slice(0, 7))) return;
    const targets = await checkTargets(db, {});
    await insertRun(
      db,
      { scope: 'all', trigger: 'schedule', judgedOn: today, createdBy: null, createdByName: '系统(定期检查)', targets },
      now().toISOString(),
    );
  }

  /** One GET of every unit's homepage (15 s limit), a few at a time, when a probe round is due. */
  async function probeRound(): Promise<void> {
    const every = options.probeEveryMs ?? Math.round((24 * 60 * 60 * 1000) / PROBES_PER_DAY);
    if (every <= 0) return;
    const last = await lastProbeAt(db);
    if (last && now().getTime() - Date.parse(last) < every) return;
    const targets = (await checkTargets(db, {})).filter((t) => t.url);
    const at = now().toISOString();
    const probes: { unitId: number; at: string; status: number; elapsedMs: number }[] = [];
    let next = 0;
    const { httpRequest } = await import('@kaoping/importers/site-check/site-check-http');
    const lane = async () => {
      while (next < targets.length && !stopped && !lost) {
        const t = targets[next++];
        if (!t?.url) continue;
        const answer = await httpRequest(t.url, { timeoutMs: PROBE_TIMEOUT_MS, maxBytes: 64 * 1024 });
        probes.push({ unitId: t.unitId, at, status: answer.status, elapsedMs: answer.elapsedMs });
      }
    };
    await Promise.all(Array.from({ length: 8 }, lane));
    await insertProbes(db, probes);
  }

  /** The next queued run, claimed for this worker (null when none, or another worker took it). */
  async function claim(): Promise<SiteCheckRun | null> {
    if (stopped || lost) return null;
    const id = await claimNextQueuedRun(db, now().toISOString());
    return id === null ? null : getRun(db, id);
  }

  async function drain(): Promise<void> {
    if (!(await lead())) return;
    await schedule();
    for (let run = await claim(); run; run = await claim()) await runOne(run);
    await probeRound();
  }

  function tick(): void {
    if (busy || stopped) return;
    busy = drain()
      .catch((e: unknown) => options.onError?.(e))
      .finally(() => {
        busy = null;
        const waiters = idleWaiters;
        idleWaiters = [];
        waiters.forEach((w) => w());
      });
  }

  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();
  const worker: SiteCheckWorker = {
    wake: tick,
    idle: async () => {
      for (;;) {
        if (busy) await new Promise<void>((r) => idleWaiters.push(r));
        if (!(await nextQueuedRun(db))) return;
        // Another process leads: its worker will take the run; look again after a poll.
        if (!leader) await new Promise((r) => setTimeout(r, pollMs));
        tick();
      }
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearInterval(renewal);
      if (busy) await busy;
      // A clean stop hands the work over at once instead of after the lease expires.
      if (leader) await releaseLease(db, leaseName, holder).catch((e: unknown) => options.onError?.(e));
      leader = false;
      running.delete(worker);
    },
  };
  running.add(worker);
  return worker;
}
