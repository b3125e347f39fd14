import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '@kaoping/db/audit/audit.repository';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { callerFor, seedMinimalOrg } from '../testing/test-context';

const GLUED = readFileSync(
  new URL('../../../../fixtures/annual-reports/samples/huaian-city-2024-annual-report-glued.txt', import.meta.url),
);
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const DONGHU = [
  '东湖区人民政府2024年政府信息公开工作年度报告',
  '发布日期：2025-04-02',
  '一、总体情况',
  '本年度共收到行政复议 2 件。',
  '四、政府信息公开行政复议、行政诉讼情况',
  '| 1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
].join('\n');

async function settle(poll: () => Promise<{ status: string }>) {
  for (let i = 0; i < 300; i++) {
    const job = await poll();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('review did not finish');
}

describe.each(testDatabases)('city review (年报评查) on $name', (factory) => {
  let handle: DatabaseHandle;
  let org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    org = await seedMinimalOrg(handle);
  });
  afterEach(() => handle.destroy());

  it('reads a .zip of published reports off the request path and gives every expected unit its row', async () => {
    const admin = callerFor(handle, org.users.admin);
    const zip = zipSync({
      'city/A01.txt': new Uint8Array(GLUED),
      'city/donghu.txt': new TextEncoder().encode(DONGHU),
      'city/stranger.txt': new TextEncoder().encode('某某局2024年政府信息公开工作年度报告'),
    });
    const started = await admin.reportReview.start({ year: 2024, files: [{ fileName: 'city.zip', contentBase64: b64(zip) }] });
    expect(started.status).toBe('reading');
    const job = await settle(() => admin.reportReview.status({ jobId: started.id }));
    expect(job).toMatchObject({ status: 'done', error: null });
    const review = (await admin.reportReview.status({ jobId: started.id })).review;
    const [a01, a02] = review?.rows ?? [];
    expect(a01).toMatchObject({
      code: 'A01',
      found: true,
      matchedBy: 'code',
      publishedAt: '2025-01-20',
      deadline: '2025-03-31',
      timeliness: 'on_time',
      cellsRead: 200,
      unresolved: [],
    });
    expect(a01?.failures.filter((c) => c.severity === 'error')).toEqual([]);
    expect(a02).toMatchObject({ code: 'A02', found: true, matchedBy: 'name', timeliness: 'late', daysLate: 2 });
    expect(a02?.failures.find((c) => c.rule === 'H4')?.message).toContain('2');
    expect(review?.unmatched).toEqual([{ fileName: 'stranger.txt', problem: '没有找到报告中的单位“某某局”' }]);

    const xlsx = await admin.reportReview.export({ jobId: started.id });
    expect(xlsx.fileName).toBe('2024年度政府信息公开工作年度报告评查表.xlsx');
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const audit = await listAuditEntries(handle.db, { limit: 10 });
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['annual_report.city_review', 'annual_report.city_review_export']));
  });

  it('refuses an empty upload and an unknown job, writing nothing', async () => {
    const admin = callerFor(handle, org.users.admin);
    await expect(admin.reportReview.start({ year: 2024, files: [{ fileName: 'a.txt', contentBase64: '' }] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(admin.reportReview.status({ jobId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await listAuditEntries(handle.db, { limit: 10 });
    expect(audit.filter((r) => r.action.startsWith('annual_report.city_review'))).toEqual([]);
  });
});
