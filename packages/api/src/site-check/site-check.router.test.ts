// 网站检查 end to end through the router on both dialects, against the fixture city on 127.0.0.1:
// channels → run (worker off the request path) → progress → problems → review → send to a round as a
// finding and a veto → publish → 交办 → the next check verifies the fix.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { insertProbes, insertRun, listRunUnits, setRunStatus } from '@kaoping/db/site-check/site-check.repository';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { fixtureSiteSpec, startFixtureCity } from '@kaoping/importers/site-check/site-check-fixture-city';
import type { FixtureCity } from '@kaoping/importers/site-check/site-check-fixture-city';
import { importExampleInputs, setUpExample } from '../assessment/assessment-test-fixtures';
import { startSiteCheckWorker } from './site-check-worker';
import type { SiteCheckWorker } from './site-check-worker';

// Generous timeouts: the machine is shared and a slow answer must not read as a dead link here.
const limits = { minIntervalMs: 0, perHostConcurrency: 4, pageTimeoutMs: 8000, linkTimeoutMs: 5000 };
let city: FixtureCity;
beforeAll(async () => {
  city = await startFixtureCity({ today: '2026-12-07', specs: [fixtureSiteSpec(0), fixtureSiteSpec(1)] });
});
afterAll(async () => city.close());

describe.each(testDatabases)('site check router on $name', (factory) => {
  let handle: DatabaseHandle;
  let ex: Awaited<ReturnType<typeof setUpExample>>;
  let worker: SiteCheckWorker;
  let a01: number;
  let a02: number;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    ex = await setUpExample(handle);
    a01 = ex.unitIds.get('A01') ?? 0;
    a02 = ex.unitIds.get('A02') ?? 0;
    city.sites[0]!.setSpec(fixtureSiteSpec(0));
    worker = startSiteCheckWorker(handle.db, { limits, pollMs: 50, probeEveryMs: 0, now: () => new Date('2026-12-07T03:00:00Z') });
  });
  afterEach(async () => {
    await worker.stop();
    await handle.destroy();
  });

  it('runs a check off the request path, reviews problems, sends them to a round and verifies the fix next time', async () => {
    await importExampleInputs(ex.assessor, ex.q3.id);
    await ex.admin.siteCheck.setChannels({
      unitId: a01,
      channels: [
        { kind: 'website', name: '门户网站', url: city.sites[0]!.url },
        { kind: 'new_media', name: '政务微信', url: '临江发布' },
      ],
    });
    await ex.admin.siteCheck.setChannels({ unitId: a02, channels: [{ kind: 'website', name: '门户网站', url: city.sites[1]!.url }] });
    await ex.admin.siteCheck.setWords({ words: [{ word: '国务院办工厅', suggestion: '国务院办公厅' }] });
    const run = await ex.assessor.siteCheck.start({ scope: { kind: 'units', unitIds: [a01, a02] }, judgedOn: '2026-12-07' });
    expect(run.status).toBe('queued');
    await worker.idle();
    const progress = await ex.assessor.siteCheck.run({ runId: run.id });
    expect(progress.run.status).toBe('done');
    expect(progress.units.map((u) => [u.unitCode, u.status])).toEqual([
      ['A01', 'done'],
      ['A02', 'done'],
    ]);
    expect(progress.units.every((u) => u.pages > 10)).toBe(true);

    const problems = await ex.assessor.siteCheck.problems({ unitId: null, status: ['open'] });
    const a01Dead = problems.filter((p) => p.unitId === a01 && p.kind === 'dead_link');
    expect(a01Dead.map((p) => p.key.replace(city.outside, 'OUT').replace(`:${city.closedPort}`, ':CLOSED'))).toEqual([
      `dead_link:${city.sites[0]!.url}missing.html`,
      'dead_link:http://127.0.0.1:CLOSED/closed',
      'dead_link:OUT/gone',
    ]);
    expect(problems.filter((p) => p.unitId === a01 && p.kind === 'wrong_word')).toHaveLength(1);
    const stale = problems.find((p) => p.unitId === a02 && p.kind === 'homepage_stale');
    expect(stale).toMatchObject({ veto: true });
    expect(stale?.evidence?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const page = await ex.assessor.siteCheck.evidence({ sha256: stale!.evidence!.sha256 });
    expect(page.html).toContain('政务要闻');

    // Review: dismiss needs a reason; accept the 404 and the stale homepage.
    const missing = a01Dead[0]!;
    await expect(
      ex.assessor.siteCheck.review({ problemId: missing.id, version: missing.version, decision: 'dismiss', reason: '' }),
    ).rejects.toThrow(/理由/);
    await ex.assessor.siteCheck.review({ problemId: missing.id, version: missing.version, decision: 'accept', reason: '' });
    await ex.assessor.siteCheck.review({ problemId: stale!.id, version: stale!.version, decision: 'accept', reason: '' });
    await expect(
      ex.assessor.siteCheck.send({ problemIds: [a01Dead[1]!.id], roundId: ex.q3.id, leaf: '1.2', vetoCode: null }),
    ).rejects.toThrow(/已采纳/);
    await expect(ex.assessor.siteCheck.send({ problemIds: [stale!.id], roundId: ex.q3.id, leaf: '1.2', vetoCode: null })).rejects.toThrow(
      /否决/,
    );
    const targets = await ex.assessor.siteCheck.sendTargets();
    expect(targets.find((t) => t.roundId === ex.q3.id)).toMatchObject({ vetoes: [{ code: 'V1' }, { code: 'V2' }] });
    const sent = await ex.assessor.siteCheck.send({ problemIds: [missing.id, stale!.id], roundId: ex.q3.id, leaf: '1.2', vetoCode: 'V2' });
    const findingId = sent.sent[0]!.findingId!;
    expect(sent.sent[1]!.eventId).toBeGreaterThan(0);
    const finding = await handle.db.selectFrom('findings').selectAll().where('id', '=', findingId).executeTakeFirstOrThrow();
    expect(finding).toMatchObject({ unit_id: a01, leaf_code: '1.2', url: city.sites[0]!.url, status: 'active' });
    expect(finding.description).toMatch(/【网站检查】.*missing\.html HTTP 404.*SHA-256 [0-9a-f]{64}/);
    const event = await handle.db
      .selectFrom('assessment_events')
      .selectAll()
      .where('unit_id', '=', a02)
      .where('round_id', '=', ex.q3.id)
      .where('code', '=', 'V2')
      .executeTakeFirst();
    expect(event).toBeTruthy();

    // Publish the round, then 交办 the finding as a rectification order.
    const { round } = await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id });
    await ex.assessor.assessment.rounds.publish({ roundId: ex.q3.id, version: round.version });
    const items = await ex.admin.rectification.issueFromFindings({
      findingIds: [findingId],
      grouping: 'per_finding',
      due: { kind: 'working_days', days: 10 },
    });
    expect(items).toHaveLength(1);

    // The unit fixes its dead links; the next check resolves those problems (and keeps the rest).
    city.sites[0]!.setSpec({ ...fixtureSiteSpec(0), deadLinks: false });
    const second = await ex.assessor.siteCheck.start({ scope: { kind: 'units', unitIds: [a01] }, judgedOn: '2026-12-07' });
    await worker.idle();
    expect((await ex.assessor.siteCheck.run({ runId: second.id })).run.status).toBe('done');
    const after = await ex.assessor.siteCheck.problems({ unitId: a01, status: [] });
    expect(after.filter((p) => p.kind === 'dead_link').map((p) => [p.status, p.resolvedRunId])).toEqual([
      ['resolved', second.id],
      ['resolved', second.id],
      ['resolved', second.id],
    ]);
    expect(after.find((p) => p.kind === 'wrong_word')?.status).toBe('open');

    // City table and the 通报 workbook.
    const cityView = await ex.assessor.siteCheck.city({ runs: 6 });
    expect(cityView.trend.map((t) => t.counts.dead_link)).toEqual([3, 0]);
    const xlsx = await ex.assessor.siteCheck.exportRun({ runId: run.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('检查情况');
    expect(sheet?.getCell(1, 1).value).toBe('政府网站检查情况通报(2026年12月)');
    expect(sheet?.getRow(4).getCell(13).value).toBe('不合格');
    const audit = await handle.db.selectFrom('audit_log').select('action').where('action', 'like', 'site.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(['site.channels.set', 'site.words.set', 'site.run.start', 'site.problem.review', 'site.problem.send']),
    );
  });

  it('cancels a run; a run interrupted by a restart is picked up again', async () => {
    await ex.admin.siteCheck.setChannels({ unitId: a01, channels: [{ kind: 'website', name: '门户网站', url: city.sites[0]!.url }] });
    await worker.stop();
    const slow = startSiteCheckWorker(handle.db, { limits: { ...limits, minIntervalMs: 200, perHostConcurrency: 1 }, pollMs: 50 });
    const run = await ex.assessor.siteCheck.start({ scope: { kind: 'all' }, judgedOn: '2026-12-07' });
    await new Promise((r) => setTimeout(r, 400));
    await ex.assessor.siteCheck.cancel({ runId: run.id });
    await slow.idle();
    expect((await ex.assessor.siteCheck.run({ runId: run.id })).run.status).toBe('cancelled');
    await expect(ex.assessor.siteCheck.cancel({ runId: run.id })).rejects.toThrow(/已结束/);
    await slow.stop();

    // A run left 'running' by a stopped server: the next worker requeues and finishes it.
    const targets = [{ unitId: a01, url: city.sites[0]!.url }];
    const stuck = await insertRun(
      handle.db,
      { scope: 'all', trigger: 'manual', judgedOn: '2026-12-07', createdBy: null, createdByName: '系统', targets },
      '2026-12-07T03:00:00Z',
    );
    await setRunStatus(handle.db, stuck.id, 'running', '2026-12-07T03:00:00Z');
    worker = startSiteCheckWorker(handle.db, { limits, pollMs: 50 });
    await worker.idle();
    expect((await listRunUnits(handle.db, stuck.id)).map((u) => u.status)).toEqual(['done']);
  });

  it('站点无法访问 is judged on a week of probes when there are enough: 8 of 141 failed or slow is a veto', async () => {
    await ex.admin.siteCheck.setChannels({ unitId: a02, channels: [{ kind: 'website', name: '门户网站', url: city.sites[1]!.url }] });
    // 140 probes over the week before the check (the check adds its own, a fast one): 4 failed, 4 took ≥ 15 s.
    const probes = Array.from({ length: 140 }, (_, i) => ({
      unitId: a02,
      at: new Date(Date.parse('2026-12-01T00:00:00Z') + i * 3_600_000).toISOString(),
      status: i < 4 ? 0 : 200,
      elapsedMs: i >= 4 && i < 8 ? 15_500 : 300,
    }));
    await insertProbes(handle.db, probes);
    const run = await ex.assessor.siteCheck.start({ scope: { kind: 'units', unitIds: [a02] }, judgedOn: '2026-12-07' });
    await worker.idle();
    const problems = await ex.assessor.siteCheck.problems({ unitId: a02, status: [] });
    expect(problems.find((p) => p.kind === 'unreachable')).toMatchObject({
      veto: true,
      detail: expect.stringContaining('141 次探测中 8 次失败或超过 15 秒') as string,
    });
    expect((await ex.assessor.siteCheck.run({ runId: run.id })).run.status).toBe('done');
  });

  it('word import is all or nothing; settings are versioned', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('错敏词');
    s.addRows([
      ['word', 'suggestion'],
      ['办工厅', '办公厅'],
      ['', '空'],
      ['同词', '同词'],
    ]);
    const bad = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    await expect(ex.admin.siteCheck.importWords({ fileName: 'words.xlsx', contentBase64: bad })).rejects.toThrow(/第3行.*第4行/);
    expect(await ex.admin.siteCheck.words()).toEqual([]);
    const wb2 = new ExcelJS.Workbook();
    wb2.addWorksheet('错敏词').addRows([
      ['word', 'suggestion'],
      ['办工厅', '办公厅'],
    ]);
    const good = Buffer.from(await wb2.xlsx.writeBuffer()).toString('base64');
    expect(await ex.admin.siteCheck.importWords({ fileName: 'words.xlsx', contentBase64: good })).toEqual({ count: 1 });
    const settings = await ex.admin.siteCheck.settings();
    expect(settings.columns.map((c) => [c.name, c.intervalDays])).toEqual([
      ['工作动态', 14],
      ['通知公告', 180],
      ['政策文件', 180],
    ]);
    const saved = await ex.admin.siteCheck.saveSettings({
      columns: [{ name: '工作动态', intervalDays: 7 }],
      limits: settings.limits,
      scheduleDay: 1,
      version: settings.version,
    });
    expect(saved.version).toBe(1);
    await expect(ex.admin.siteCheck.saveSettings({ columns: [], limits: settings.limits, scheduleDay: null, version: 0 })).rejects.toThrow(
      /他人修改/,
    );
  });
});
