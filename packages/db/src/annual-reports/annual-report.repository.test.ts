import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyReportCells } from '@kaoping/domain/annual-report/template';
import type { DatabaseHandle } from '../connect';
import { insertGroup, setUnitGroup } from '../org/group.repository';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { insertUnit, updateUnit } from '../units/unit.repository';
import {
  findLatestAcceptedReport,
  findLatestReportVersion,
  insertReportEvent,
  insertReportVersion,
  listExpectedReportUnits,
  listLatestAcceptedReports,
  listReportEvents,
  listReportVersionsOfYear,
  listReportYears,
  listUnitReportYears,
  updateReportContent,
  updateReportState,
  type NewReportVersion,
} from './annual-report.repository';

const NOW = '2026-01-20T02:00:00.000Z';
const base = { tags: [] as string[], validFrom: '2020-01-01', note: '', parentId: null };

function draft(unitId: number, year: number, versionNo = 1): NewReportVersion {
  const cells = emptyReportCells(2021);
  cells['apply.new.total'] = 14;
  return {
    unitId,
    year,
    versionNo,
    format: 2021,
    cells,
    sources: { 'apply.new.total': { line: 57, text: '一、本年新收 14' } },
    importMeta: null,
    sectionOne: '总体情况',
    sectionFive: '',
    sectionSix: '未收取信息处理费',
    publishedAt: null,
    explanations: {},
    correctionReason: null,
    firstSubmittedAt: null,
    createdByName: '联络员',
  };
}

describe.each(testDatabases)('annual report repository on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterEach(async () => {
    await handle.destroy();
  });

  it('keeps cells with null for blank (never 0), sources and text, and refuses a stale version', async () => {
    const { db } = handle;
    const unit = await insertUnit(db, { ...base, code: 'B101', name: '江临市教育局', kind: 'city_dept' }, NOW);
    const created = await insertReportVersion(db, draft(unit.id, 2025), NOW);
    expect(created).toMatchObject({
      unitCode: 'B101',
      unitKind: 'city_dept',
      status: 'draft',
      versionNo: 1,
      version: 1,
      sectionSix: '未收取信息处理费',
    });
    expect(created.cells['apply.new.total']).toBe(14);
    expect(created.cells['apply.new.natural']).toBeNull();
    expect(created.sources['apply.new.total']).toEqual({ line: 57, text: '一、本年新收 14' });

    const saved = await updateReportContent(
      db,
      created.id,
      created.version,
      { cells: { ...created.cells, 'apply.new.natural': 0 }, publishedAt: '2026-01-25' },
      NOW,
    );
    expect(saved).toMatchObject({ version: 2, publishedAt: '2026-01-25' });
    expect(saved?.cells['apply.new.natural']).toBe(0);
    expect(await updateReportContent(db, created.id, created.version, { sectionFive: '并发' }, NOW)).toBeNull();
  });

  it('keeps the first submission time across a return and resubmission, and finds the latest accepted version', async () => {
    const { db } = handle;
    const unit = await insertUnit(db, { ...base, code: 'B102', name: '江临市公安局', kind: 'city_dept' }, NOW);
    const v1 = await insertReportVersion(db, draft(unit.id, 2025), NOW);
    const who = { by: null, byName: '张三' };
    const s1 = await updateReportState(
      db,
      v1.id,
      v1.version,
      { status: 'submitted', submitted: { at: '2026-01-20T02:00:00.000Z', ...who } },
      NOW,
    );
    const r1 = await updateReportState(
      db,
      v1.id,
      s1?.version ?? 0,
      { status: 'returned', decided: { at: NOW, by: null, byName: '办公室', reason: '总计不平' } },
      NOW,
    );
    expect(r1).toMatchObject({ status: 'returned', decisionReason: '总计不平', decidedByName: '办公室' });
    const s2 = await updateReportState(
      db,
      v1.id,
      r1?.version ?? 0,
      { status: 'submitted', submitted: { at: '2026-02-05T02:00:00.000Z', ...who } },
      NOW,
    );
    expect(s2).toMatchObject({ status: 'submitted', submittedAt: '2026-02-05T02:00:00.000Z', decisionReason: null });
    await updateReportState(
      db,
      v1.id,
      s2?.version ?? 0,
      { status: 'accepted', decided: { at: NOW, by: null, byName: '办公室', reason: null } },
      NOW,
    );
    const [row] = await listReportVersionsOfYear(db, 2025);
    expect(row).toMatchObject({ status: 'accepted', firstSubmittedAt: '2026-01-20T02:00:00.000Z' });

    const v2 = await insertReportVersion(
      db,
      { ...draft(unit.id, 2025, 2), correctionReason: '更正结转数', firstSubmittedAt: '2026-01-20T02:00:00.000Z' },
      NOW,
    );
    expect((await findLatestReportVersion(db, unit.id, 2025))?.id).toBe(v2.id);
    expect((await findLatestAcceptedReport(db, unit.id, 2025))?.id).toBe(v1.id);
    expect((await listLatestAcceptedReports(db, 2025, null)).map((r) => r.id)).toEqual([v1.id]);
    expect(await listLatestAcceptedReports(db, 2025, [])).toEqual([]);
    await expect(insertReportVersion(db, draft(unit.id, 2025, 2), NOW)).rejects.toThrow();
    expect(await listUnitReportYears(db, unit.id)).toMatchObject([{ year: 2025, versionNo: 2, status: 'draft' }]);
    expect(await listReportYears(db)).toEqual([2025]);

    await insertReportEvent(db, { reportId: v1.id, at: NOW, actorId: null, actorName: '张三', action: 'submitted', note: null });
    await insertReportEvent(db, { reportId: v2.id, at: NOW, actorId: null, actorName: '张三', action: 'correction', note: '更正结转数' });
    expect((await listReportEvents(db, unit.id, 2025)).map((e) => [e.versionNo, e.action])).toEqual([
      [1, 'submitted'],
      [2, 'correction'],
    ]);
  });

  it('expects a report from units in existence on 1 January after the year, in the group of the collection year', async () => {
    const { db } = handle;
    const a = await insertUnit(db, { ...base, code: 'A01', name: '临江区人民政府', kind: 'county_gov' }, NOW);
    const old = await insertUnit(db, { ...base, code: 'B299', name: '大数据管理局', kind: 'city_dept' }, NOW);
    await updateUnit(db, old.id, old.version, { validTo: '2024-12-31' }, NOW);
    await insertUnit(db, { ...base, code: 'B220', name: '数据局', kind: 'city_dept', validFrom: '2025-01-01' }, NOW);
    const g2025 = await insertGroup(db, { year: 2025, code: 'A', name: '县(市、区)政府', sortOrder: 1 });
    const g2024 = await insertGroup(db, { year: 2024, code: 'A0', name: '旧分组', sortOrder: 1 });
    await setUnitGroup(db, a.id, 2025, g2025);
    await setUnitGroup(db, a.id, 2024, g2024);
    expect((await listExpectedReportUnits(db, 2024)).map((u) => [u.code, u.groupCode])).toEqual([['A01', 'A']]);
    expect((await listExpectedReportUnits(db, 2023)).map((u) => [u.code, u.groupCode])).toEqual([
      ['A01', 'A0'],
      ['B299', null],
    ]);
    expect((await listExpectedReportUnits(db, 2025)).map((u) => u.code)).toEqual(['A01', 'B220']);
  });
});
