import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findReviewJob, insertReviewJob, updateRunningReviewJob } from '@kaoping/db/annual-reports/review-job.repository';
import { listAuditEntries } from '@kaoping/db/audit/audit.repository';
import { officeHandle, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { callerFor, seedMinimalOrg, TEST_NOW } from '../testing/test-context';
import { REVIEW_WORKER_LOST } from './annual-report-city-review.service';

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
  it('reports a job whose process stopped heartbeating as failed, asking to upload again, and cannot export it', async () => {
    const admin = callerFor(handle, org.users.admin);
    const id = '6f1c2b1e-2222-4aaa-8bbb-000000000001';
    const startedAt = new Date(TEST_NOW.getTime() - 10 * 60_000);
    // Started by another process, which read one file and then died.
    await insertReviewJob(handle.db, {
      id,
      year: 2024,
      files: 5,
      startedBy: org.users.admin.id,
      worker: 'other:4242:dead',
      now: startedAt,
    });
    await updateRunningReviewJob(handle.db, id, { done: 1 }, new Date(TEST_NOW.getTime() - 2 * 60_000 - 1));
    const job = await admin.reportReview.status({ jobId: id });
    expect(job).toMatchObject({ id, status: 'failed', files: 5, done: 1, review: null, startedAt: startedAt.toISOString() });
    expect(job.error).toBe(REVIEW_WORKER_LOST);
    expect(job.error).toContain('请重新');
    await expect(admin.reportReview.export({ jobId: id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    // A heartbeat within the last two minutes keeps the job running.
    const alive = '6f1c2b1e-2222-4aaa-8bbb-000000000002';
    await insertReviewJob(handle.db, { id: alive, year: 2024, files: 5, startedBy: 1, worker: 'other:4243:live', now: startedAt });
    await updateRunningReviewJob(handle.db, alive, { done: 3 }, new Date(TEST_NOW.getTime() - 2 * 60_000 + 1_000));
    expect(await admin.reportReview.status({ jobId: alive })).toMatchObject({ status: 'reading', done: 3, error: null });
  });

  it('removes jobs older than 7 days when a new review starts', async () => {
    const admin = callerFor(handle, org.users.admin);
    const old = '6f1c2b1e-3333-4aaa-8bbb-000000000001';
    const recent = '6f1c2b1e-3333-4aaa-8bbb-000000000002';
    const day = 86_400_000;
    await insertReviewJob(handle.db, {
      id: old,
      year: 2024,
      files: 1,
      startedBy: 1,
      worker: 'w',
      now: new Date(TEST_NOW.getTime() - 8 * day),
    });
    await insertReviewJob(handle.db, {
      id: recent,
      year: 2024,
      files: 1,
      startedBy: 1,
      worker: 'w',
      now: new Date(TEST_NOW.getTime() - 6 * day),
    });
    const started = await admin.reportReview.start({ year: 2024, files: [{ fileName: 'donghu.txt', contentBase64: b64(DONGHU) }] });
    await settle(() => admin.reportReview.status({ jobId: started.id }));
    await expect(admin.reportReview.status({ jobId: old })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await findReviewJob(handle.db, recent)).not.toBeNull();
  });
});

describe('city review (年报评查) across two server processes on one SQLite file', () => {
  let dir: string;
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaoping-review-jobs-'));
    first = officeHandle(openSqlite(join(dir, 'kaoping.db')), 1);
    await migrateToLatest(first.db);
    second = officeHandle(openSqlite(join(dir, 'kaoping.db')), 1);
  });
  afterEach(async () => {
    await first.destroy();
    await second.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a job started through one connection is polled to its result and exported through the other', async () => {
    const org = await seedMinimalOrg(first);
    const starter = callerFor(first, org.users.admin);
    // The second process: its own connection and its own copy of every module (no shared memory).
    vi.resetModules();
    const secondProcess = await import('../testing/test-context');
    const poller = secondProcess.callerFor(second, org.users.admin);
    const started = await starter.reportReview.start({
      year: 2024,
      files: [
        { fileName: 'A01.txt', contentBase64: b64(new Uint8Array(GLUED)) },
        { fileName: 'donghu.txt', contentBase64: b64(DONGHU) },
      ],
    });
    const seen = await poller.reportReview.status({ jobId: started.id });
    expect(seen).toMatchObject({ id: started.id, year: 2024, startedBy: org.users.admin.id });
    expect(['reading', 'checking', 'done']).toContain(seen.status);
    const job = await settle(() => poller.reportReview.status({ jobId: started.id }));
    expect(job).toMatchObject({ status: 'done', files: 2, done: 2, error: null });
    const review = (await poller.reportReview.status({ jobId: started.id })).review;
    expect(review?.rows.map((r) => [r.code, r.found])).toEqual([
      ['A01', true],
      ['A02', true],
    ]);
    const xlsx = await poller.reportReview.export({ jobId: started.id });
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
