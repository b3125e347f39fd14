import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { listReportVersionsOfYear } from '@kaoping/db/annual-reports/annual-report.repository';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import { renderReportDocx, renderReportText } from '@kaoping/importers/annual-report/render-report-text';
import { callerFor, createTestContext, seedMinimalOrg } from '../testing/test-context';
import { importReportFiles } from './annual-report-import.service';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe.each(testDatabases)('importing a folder of reports on $name', (factory) => {
  let handle: DatabaseHandle;
  let org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    org = await seedMinimalOrg(handle);
  });
  afterEach(() => handle.destroy());

  const admin = () => {
    const { ctx } = createTestContext(handle, org.users.admin);
    return { ...ctx, user: org.users.admin };
  };
  const own = generateReport({ seed: 21, year: 2025, unitKind: 'county_gov', unit: '临江区人民政府' });
  const other = generateReport({ seed: 22, year: 2025, unitKind: 'county_gov', unit: '东湖区人民政府' });

  it('matches files by unit code or by the unit named in the report and stores them as submitted, in one go', async () => {
    const files = [
      { fileName: 'A01.txt', bytes: utf8(renderReportText(own, 'pipe')) },
      { fileName: '东湖区年报.docx', bytes: renderReportDocx(other) },
    ];
    const dry = await importReportFiles(admin(), { year: 2025, files, dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, created: 2, updated: 0 });
    expect(await listReportVersionsOfYear(handle.db, 2025)).toEqual([]);

    const result = await importReportFiles(admin(), { year: 2025, files, dryRun: false });
    expect(result).toMatchObject({ ok: true, created: 2, updated: 0 });
    expect(result.files.map((f) => [f.fileName, f.unitCode, f.matchedBy, f.errors, f.action])).toEqual([
      ['A01.txt', 'A01', 'code', 0, 'create'],
      ['东湖区年报.docx', 'A02', 'name', 0, 'create'],
    ]);
    const view = await callerFor(handle, org.users.liaison).annualReports.open({ unitId: org.own.id, year: 2025 });
    expect(view.report).toMatchObject({ status: 'submitted', importMeta: { fileName: 'A01.txt' } });
    expect(view.report?.cells['apply.new.total']).toBe(own.cells['apply.new.total']);
    expect(view.report?.sources['apply.new.total']?.line).toBeGreaterThan(0);
    expect(view.events.map((e) => e.action)).toEqual(['imported', 'submitted']);
  });

  it('writes nothing when one file cannot be matched, read, or lands on an accepted report', async () => {
    const stranger = generateReport({ seed: 23, year: 2025, unitKind: 'city_dept', unit: '江临市不存在局' });
    const rejected = await importReportFiles(admin(), {
      year: 2025,
      dryRun: false,
      files: [
        { fileName: 'A01.txt', bytes: utf8(renderReportText(own, 'cell-per-line')) },
        { fileName: 'x.txt', bytes: utf8(renderReportText(stranger, 'pipe')) },
        { fileName: 'A02.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]) },
      ],
    });
    expect(rejected.ok).toBe(false);
    expect(rejected.files.map((f) => f.problem === null)).toEqual([true, false, false]);
    expect(rejected.files[1]?.problem).toBe('没有找到报告中的单位“江临市不存在局”(文件名也不是单位编码)');
    expect(rejected.files[2]?.problem).toContain('图片文件');
    expect(await listReportVersionsOfYear(handle.db, 2025)).toEqual([]);

    await importReportFiles(admin(), {
      year: 2025,
      dryRun: false,
      files: [{ fileName: 'A01.txt', bytes: utf8(renderReportText(own, 'pipe')) }],
    });
    const view = await callerFor(handle, org.users.admin).annualReports.open({ unitId: org.own.id, year: 2025 });
    await callerFor(handle, org.users.admin).annualReports.accept({ id: view.report?.id ?? 0, version: view.report?.version ?? 0 });
    const again = await importReportFiles(admin(), {
      year: 2025,
      dryRun: false,
      files: [
        { fileName: 'A02.txt', bytes: utf8(renderReportText(other, 'pipe')) },
        { fileName: 'A01.txt', bytes: utf8(renderReportText(own, 'pipe')) },
      ],
    });
    expect(again.ok).toBe(false);
    expect(again.files[1]?.problem).toContain('已通过并锁定');
    expect((await listReportVersionsOfYear(handle.db, 2025)).map((v) => v.unitId)).toEqual([org.own.id]);
  });
});
