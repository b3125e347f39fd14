import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { listAuditEntries } from '@kaoping/db/audit/audit.repository';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { insertGroup, setUnitGroup } from '@kaoping/db/org/group.repository';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { insertUnit } from '@kaoping/db/units/unit.repository';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import { warningKey } from '@kaoping/domain/annual-report-workflow/report-warnings';
import { callerFor, seedMinimalOrg } from '../testing/test-context';

const SAMPLE_002 = new URL('../../../../fixtures/annual-reports/samples/002_50ea10f2717e5a1e.txt', import.meta.url);
const SIXTH = '本年度未收取信息处理费。';

/** A report that passes H1–H7 for a unit of this kind. */
function validCells(seed: number, unitKind: ReportUnitKind = 'county_gov', year = 2025) {
  return { ...generateReport({ seed, year, unitKind }).cells };
}

const at = (iso: string) => ({ now: () => new Date(iso) });

describe.each(testDatabases)('annual reports router on $name', (factory) => {
  let handle: DatabaseHandle;
  let org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    org = await seedMinimalOrg(handle);
  });
  afterEach(() => handle.destroy());

  /** Saves a valid report for a unit and submits it, at the given instant. */
  async function submitValid(
    user: SessionUser,
    unitId: number,
    year: number,
    seed: number,
    when: string,
    extra: { publishedAt?: string | null; unitKind?: ReportUnitKind } = {},
  ) {
    const caller = callerFor(handle, user, at(when));
    const { report } = await caller.annualReports.save({
      unitId,
      year,
      cells: validCells(seed, extra.unitKind ?? 'county_gov', year),
      sectionSix: SIXTH,
      publishedAt: extra.publishedAt ?? null,
    });
    return (await caller.annualReports.submit({ id: report.id, version: report.version })).report;
  }

  it('runs the lifecycle draft → submitted → returned → submitted → accepted, locks it, and corrects it as a new version', async () => {
    const liaison = callerFor(handle, org.users.liaison);
    const admin = callerFor(handle, org.users.admin);
    const cells = validCells(1);
    cells['apply.carried_out.total'] = (cells['apply.carried_out.total'] ?? 0) + 1;

    // A draft is saved even with errors; the server runs the same rules.
    const saved = await liaison.annualReports.save({ unitId: org.own.id, year: 2025, cells, sectionSix: '' });
    expect(saved.report).toMatchObject({ status: 'draft', versionNo: 1, format: 2021 });
    expect(saved.checks.find((c) => c.rule === 'H1')?.message).toMatch(
      /^本年新收 \d+ \+ 上年结转 \d+ ≠ 办理结果总计 \d+ \+ 结转下年度 \d+ \(差 -1\)$/,
    );
    await expect(liaison.annualReports.submit({ id: saved.report.id, version: saved.report.version })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^存在 \d+ 处勾稽关系问题,不能报送。/),
    });

    // Fixed; the soft warning (六 says nothing about 信息处理费) needs an explanation.
    cells['apply.carried_out.total'] = (cells['apply.carried_out.total'] ?? 0) - 1;
    const fixed = await liaison.annualReports.save({
      unitId: org.own.id,
      year: 2025,
      id: saved.report.id,
      version: saved.report.version,
      cells,
      sectionSix: '',
    });
    const [s7] = fixed.checks;
    expect(fixed.checks.map((c) => [c.rule, c.severity])).toEqual([['S7', 'warning']]);
    await expect(liaison.annualReports.submit({ id: fixed.report.id, version: fixed.report.version })).rejects.toMatchObject({
      message: expect.stringContaining('需要填写说明'),
    });
    const submitted = await liaison.annualReports.submit({
      id: fixed.report.id,
      version: fixed.report.version,
      explanations: { [warningKey(s7 ?? (fixed.checks[0] as NonNullable<typeof s7>))]: '本单位未收取信息处理费,已在正文说明' },
    });
    expect(submitted.report).toMatchObject({ status: 'submitted', submittedByName: '测试liaison' });

    // Submitted reports cannot be edited; the office returns it with a reason.
    await expect(
      liaison.annualReports.save({ unitId: org.own.id, year: 2025, id: submitted.report.id, version: submitted.report.version, cells }),
    ).rejects.toMatchObject({ message: '报告已报送,等待审核,不能修改' });
    await expect(
      admin.annualReports.returnForCorrection({ id: submitted.report.id, version: submitted.report.version, reason: '' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const returned = await admin.annualReports.returnForCorrection({
      id: submitted.report.id,
      version: submitted.report.version,
      reason: '请在六中写明信息处理费情况',
    });
    expect(returned).toMatchObject({ status: 'returned', decisionReason: '请在六中写明信息处理费情况', decidedByName: '测试admin' });

    const resaved = await liaison.annualReports.save({
      unitId: org.own.id,
      year: 2025,
      id: returned.id,
      version: returned.version,
      cells,
      sectionSix: SIXTH,
    });
    expect(resaved.report.status).toBe('returned');
    expect(resaved.checks).toEqual([]);
    const resubmitted = await liaison.annualReports.submit({ id: resaved.report.id, version: resaved.report.version });
    const accepted = await admin.annualReports.accept({ id: resubmitted.report.id, version: resubmitted.report.version });
    expect(accepted).toMatchObject({ status: 'accepted', versionNo: 1 });

    // Accepted is locked; a correction is version 2, the accepted version stays readable.
    await expect(
      liaison.annualReports.save({ unitId: org.own.id, year: 2025, id: accepted.id, version: accepted.version, cells }),
    ).rejects.toMatchObject({ message: '报告已通过并锁定,如需修改请发起更正' });
    await expect(admin.annualReports.accept({ id: accepted.id, version: accepted.version })).rejects.toMatchObject({
      message: '只能通过已报送、待审核的报告',
    });
    const v2 = await liaison.annualReports.startCorrection({ unitId: org.own.id, year: 2025, reason: '更正行政复议数' });
    expect(v2).toMatchObject({ versionNo: 2, status: 'draft', correctionReason: '更正行政复议数' });
    await expect(liaison.annualReports.startCorrection({ unitId: org.own.id, year: 2025, reason: '再次更正' })).rejects.toMatchObject({
      message: '已有未完成的版本,请直接修改',
    });
    const view = await liaison.annualReports.open({ unitId: org.own.id, year: 2025 });
    expect(view).toMatchObject({ isLatest: true, isEditable: true, report: { versionNo: 2 } });
    expect(view.versions.map((v) => [v.versionNo, v.status])).toEqual([
      [1, 'accepted'],
      [2, 'draft'],
    ]);
    const old = await liaison.annualReports.open({ unitId: org.own.id, year: 2025, versionNo: 1 });
    expect(old).toMatchObject({
      isLatest: false,
      isEditable: false,
      report: { status: 'accepted', cells: { 'apply.new.total': cells['apply.new.total'] } },
    });
    expect(view.events.map((e) => `${e.versionNo}:${e.action}`)).toEqual([
      '1:created',
      '1:saved',
      '1:submitted',
      '1:returned',
      '1:saved',
      '1:submitted',
      '1:accepted',
      '2:correction',
    ]);
    const audit = await listAuditEntries(handle.db, { unitId: org.own.id, limit: 50 });
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'annual_report.create',
      'annual_report.save',
      'annual_report.submit',
      'annual_report.return',
      'annual_report.save',
      'annual_report.submit',
      'annual_report.accept',
      'annual_report.correction',
    ]);
  });

  it('refuses a report for a year that has not begun (China time), and takes this year', async () => {
    const liaison = callerFor(handle, org.users.liaison, at('2026-12-31T15:59:00Z')); // 2026-12-31 23:59 in Shanghai
    await expect(liaison.annualReports.save({ unitId: org.own.id, year: 2027, cells: {} })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('不能填报 2027 年度的年报') as unknown,
    });
    await expect(liaison.annualReports.save({ unitId: org.own.id, year: 2026, cells: {} })).resolves.toMatchObject({
      report: { year: 2026 },
    });
    const newYear = callerFor(handle, org.users.liaison, at('2026-12-31T16:01:00Z')); // 2027-01-01 in Shanghai
    await expect(newYear.annualReports.save({ unitId: org.own.id, year: 2027, cells: {} })).resolves.toMatchObject({
      report: { year: 2027 },
    });
  });

  it('keeps a liaison to their own unit and refuses a stale version', async () => {
    const liaison = callerFor(handle, org.users.liaison);
    const admin = callerFor(handle, org.users.admin);
    await expect(liaison.annualReports.save({ unitId: org.other.id, year: 2025, cells: {} })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '无权查看其他单位的数据',
    });
    await expect(liaison.annualReports.open({ unitId: org.other.id, year: 2025 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(liaison.annualReports.parse({ unitId: org.other.id, year: 2025, text: '一、总体情况' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const other = await admin.annualReports.save({ unitId: org.other.id, year: 2025, cells: validCells(2), sectionSix: SIXTH });
    await expect(liaison.annualReports.submit({ id: other.report.id, version: other.report.version })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(liaison.annualReports.forUnit({ unitId: org.other.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(handle, org.users.leader).annualReports.open({ unitId: org.other.id, year: 2025 })).resolves.toMatchObject({
      report: { id: other.report.id },
    });

    await expect(admin.annualReports.save({ unitId: org.other.id, year: 2025, cells: {} })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '该单位该年度已有报告,请刷新后在原报告上修改',
    });
    await admin.annualReports.save({
      unitId: org.other.id,
      year: 2025,
      id: other.report.id,
      version: other.report.version,
      cells: validCells(2),
    });
    await expect(
      admin.annualReports.save({
        unitId: org.other.id,
        year: 2025,
        id: other.report.id,
        version: other.report.version,
        cells: validCells(3),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '该年度报告已被他人修改,请刷新后重试' });
    await expect(
      admin.annualReports.save({
        unitId: org.other.id,
        year: 2025,
        id: other.report.id,
        version: other.report.version + 1,
        cells: { 'active2019.procurement.items': 1 },
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('不是2021年格式的单元格') });
    expect((await liaison.annualReports.forUnit({ unitId: org.own.id })).reports).toEqual([]);
  });

  it('checks S1 against last year’s accepted report automatically', async () => {
    const admin = callerFor(handle, org.users.admin);
    const liaison = callerFor(handle, org.users.liaison);
    const last = await submitValid(org.users.liaison, org.own.id, 2024, 7, '2025-02-10T02:00:00.000Z');
    const lastCarriedOut = last.cells['apply.carried_out.natural'] ?? 0;
    const cells = validCells(8);
    // This year's carry-in differs from last year's carry-out by 2 (kept consistent inside this year's report).
    const wanted = lastCarriedOut + 2;
    const delta = wanted - (cells['apply.carried_in.natural'] ?? 0);
    const bump = (key: string, by: number) => (cells[key] = (cells[key] ?? 0) + by);
    if (delta >= 0)
      for (const k of ['apply.result.granted', 'apply.result.total']) for (const c of ['natural', 'total']) bump(`${k}.${c}`, delta);
    else for (const c of ['natural', 'total']) bump(`apply.new.${c}`, -delta);
    bump('apply.carried_in.natural', delta);
    bump('apply.carried_in.total', delta);
    const draft = await liaison.annualReports.save({ unitId: org.own.id, year: 2025, cells, sectionSix: SIXTH });
    // Not yet: the 2024 report is only submitted, not accepted.
    expect(draft.checks.filter((c) => c.rule === 'S1')).toEqual([]);
    await admin.annualReports.accept({ id: last.id, version: last.version });
    const view = await liaison.annualReports.open({ unitId: org.own.id, year: 2025 });
    expect(view.previous).toMatchObject({ year: 2024, versionNo: 1 });
    const s1 = view.checks.filter((c) => c.rule === 'S1');
    expect(s1.map((c) => c.message)).toContain(
      `自然人: 上年结转 ${lastCarriedOut + 2} ≠ 上一年度报告的结转下年度 ${lastCarriedOut} (差 2)`,
    );
    expect(view.checks.filter((c) => c.severity === 'error')).toEqual([]);
  });

  it('counts expected, submitted and on-time reports per group and overall (golden figures)', async () => {
    const at2026 = new Date('2026-03-02T02:00:00.000Z');
    const base = { tags: [], validFrom: '2020-01-01', note: '', parentId: null };
    const b1 = await insertUnit(handle.db, { ...base, code: 'B101', name: '江临市教育局', kind: 'city_dept' }, at2026.toISOString());
    const b2 = await insertUnit(handle.db, { ...base, code: 'B102', name: '江临市公安局', kind: 'city_dept' }, at2026.toISOString());
    await insertUnit(handle.db, { ...base, code: 'B103', name: '江临市民政局', kind: 'city_dept' }, at2026.toISOString());
    const gA = await insertGroup(handle.db, { year: 2026, code: 'A', name: '县(市、区)政府', sortOrder: 1 });
    const gB = await insertGroup(handle.db, { year: 2026, code: 'B', name: '市直部门', sortOrder: 2 });
    await setUnitGroup(handle.db, org.own.id, 2026, gA);
    await setUnitGroup(handle.db, org.other.id, 2026, gA);
    for (const u of [b1.id, b2.id]) await setUnitGroup(handle.db, u, 2026, gB);
    // A01: submitted 10 Feb, before its 31 March deadline → on time. A02: nothing (not due until 31 March).
    await submitValid(org.users.liaison, org.own.id, 2025, 1, '2026-02-10T02:00:00.000Z');
    // B101: published 28 Jan → on time although submitted in February. B102: submitted 3 Feb → late; then returned: still counted as reported.
    await submitValid(org.users.admin, b1.id, 2025, 2, '2026-02-05T02:00:00.000Z', { publishedAt: '2026-01-28', unitKind: 'city_dept' });
    const late = await submitValid(org.users.admin, b2.id, 2025, 3, '2026-02-03T02:00:00.000Z', { unitKind: 'city_dept' });
    await callerFor(handle, org.users.admin).annualReports.returnForCorrection({
      id: late.id,
      version: late.version,
      reason: '请补充说明',
    });
    // B103 (no group): only a draft → missing, overdue.
    await callerFor(handle, org.users.admin).annualReports.save({
      unitId: (await insertUnit(handle.db, { ...base, code: 'B104', name: '江临市财政局', kind: 'city_dept' }, at2026.toISOString())).id,
      year: 2025,
      cells: {},
    });

    const overview = await callerFor(handle, org.users.leader).annualReports.overview({ year: 2025 });
    expect(overview.today).toBe('2026-03-02');
    expect(overview.rows.map((r) => [r.unitCode, r.status, r.isSubmitted, r.timeliness, r.daysLate])).toEqual([
      ['A01', 'submitted', true, 'on_time', 0],
      ['A02', null, false, 'not_due', 0],
      ['B101', 'submitted', true, 'on_time', 0],
      ['B102', 'returned', true, 'late', 3],
      ['B103', null, false, 'overdue', 30],
      ['B104', 'draft', false, 'overdue', 30],
    ]);
    expect(overview.rows.find((r) => r.unitCode === 'B104')).toMatchObject({ errorCount: 7, groupCode: null });
    expect(overview.groups).toEqual([
      {
        key: 'A',
        label: '县(市、区)政府',
        expected: 2,
        submitted: 1,
        onTime: 1,
        late: 0,
        missing: 1,
        accepted: 0,
        reportingRate: 50,
        onTimeRate: 50,
      },
      {
        key: 'B',
        label: '市直部门',
        expected: 2,
        submitted: 2,
        onTime: 1,
        late: 1,
        missing: 0,
        accepted: 0,
        reportingRate: 100,
        onTimeRate: 50,
      },
      {
        key: '—',
        label: '未分组',
        expected: 2,
        submitted: 0,
        onTime: 0,
        late: 0,
        missing: 2,
        accepted: 0,
        reportingRate: 0,
        onTimeRate: 0,
      },
    ]);
    expect(overview.overall).toMatchObject({
      expected: 6,
      submitted: 3,
      onTime: 2,
      late: 1,
      missing: 3,
      reportingRate: 50,
      onTimeRate: 33.3,
    });
    await expect(callerFor(handle, org.users.liaison).annualReports.overview({ year: 2025 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('parses a pasted report for confirmation without saving anything', async () => {
    const liaison = callerFor(handle, org.users.liaison);
    const parsed = await liaison.annualReports.parse({ unitId: org.own.id, year: 2025, text: readFileSync(SAMPLE_002, 'utf8') });
    expect(parsed.format).toBe(2021);
    expect(parsed.importMeta).toMatchObject({
      parsedUnit: '酉阳土家族苗族自治县李溪镇人民政府',
      parsedYear: 2021,
      parsedFormat: 2019,
      input: 'text',
    });
    expect(parsed.cells['apply.new.total']).toBe(0);
    expect(parsed.cells['apply.result.other.misc.natural']).toBe(0);
    expect(parsed.cells['active.normative.in_force']).toBeNull();
    expect(parsed.sources['apply.new.natural']?.text).toBe('0');
    expect(parsed.publishedAt).toBeNull();
    expect(parsed.notes.join('\n')).toContain('原文的发布日期 2022-01-26 早于 2025 年度结束');
    expect(
      (await liaison.annualReports.parse({ unitId: org.own.id, year: 2021, text: readFileSync(SAMPLE_002, 'utf8') })).publishedAt,
    ).toBe('2022-01-26');
    expect(parsed.sectionSix).not.toContain('处理费');
    expect(parsed.sectionFive).toContain('存在的主要问题');
    expect(parsed.notes.join('\n')).toMatch(/2021 年度的报告[\s\S]*李溪镇/);
    expect(parsed.checks.filter((c) => c.severity === 'error').map((c) => c.rule)).toContain('H7');
    expect((await liaison.annualReports.forUnit({ unitId: org.own.id })).reports).toEqual([]);
    await expect(
      liaison.annualReports.parse({
        unitId: org.own.id,
        year: 2025,
        fileName: 'scan.png',
        contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]).toString('base64'),
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('图片文件'),
    });
  });

  it('adds up the accepted reports of chosen units, re-checks the sum and exports it', async () => {
    const admin = callerFor(handle, org.users.admin);
    const a = await submitValid(org.users.liaison, org.own.id, 2025, 11, '2026-02-10T02:00:00.000Z');
    const b = await submitValid(org.users.admin, org.other.id, 2025, 12, '2026-02-10T02:00:00.000Z');
    await admin.annualReports.accept({ id: a.id, version: a.version });
    const onlyA = await admin.annualReports.summary({ year: 2025, unitIds: [org.own.id, org.other.id] });
    expect(onlyA).toMatchObject({ reportCount: 1, missing: [{ code: 'A02' }], checks: [] });
    await admin.annualReports.accept({ id: b.id, version: b.version });
    const both = await callerFor(handle, org.users.leader).annualReports.summary({ year: 2025 });
    expect(both.reportCount).toBe(2);
    expect(both.cells['apply.new.total']).toBe((a.cells['apply.new.total'] ?? 0) + (b.cells['apply.new.total'] ?? 0));
    expect(both.checks.filter((c) => c.severity === 'error')).toEqual([]);
    const docx = await admin.annualReports.exportSummary({ year: 2025, format: 'docx' });
    expect(docx.fileName).toBe('2025年政府信息公开工作年度报告汇总表.docx');
    expect(Buffer.from(docx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const xlsx = await admin.annualReports.exportSummary({ year: 2025, format: 'xlsx', title: '江临市汇总' });
    expect(xlsx).toMatchObject({ fileName: '江临市汇总.xlsx', mimeType: expect.stringContaining('spreadsheetml') });
  });
});
