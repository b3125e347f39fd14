import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CityReview } from '@kaoping/domain/annual-report-review/city-review';
import type { DatabaseHandle } from '../connect';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import {
  deleteReviewJobsCreatedBefore,
  failStaleReviewJob,
  findReviewJob,
  insertReviewJob,
  updateRunningReviewJob,
} from './review-job.repository';

const T0 = new Date('2026-12-07T08:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const ID = '6f1c2b1e-1111-4aaa-8bbb-000000000001';
const REVIEW: CityReview = {
  year: 2025,
  rows: [],
  unmatched: [{ fileName: '某局.txt', problem: '没有找到报告中的单位“某局”' }],
  totals: { expected: 2, found: 0, missing: 2, onTime: 0, late: 0, noDate: 0, withErrors: 0, cellsRead: 0, unresolved: 0 },
};

describe.each(testDatabases)('report review jobs on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    await insertReviewJob(handle.db, { id: ID, year: 2025, files: 3, startedBy: 7, worker: 'host:1:a', now: T0 });
  });
  afterEach(() => handle.destroy());

  it('records progress, then the review table, and nothing after the outcome', async () => {
    expect(await findReviewJob(handle.db, ID)).toEqual({
      id: ID,
      year: 2025,
      status: 'reading',
      files: 3,
      done: 0,
      startedBy: 7,
      worker: 'host:1:a',
      heartbeatAt: T0.toISOString(),
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
      finishedAt: null,
      error: null,
      review: null,
    });
    expect(await updateRunningReviewJob(handle.db, ID, { done: 2, files: 4 }, later(1_000))).toBe(true);
    expect(await findReviewJob(handle.db, ID)).toMatchObject({
      status: 'reading',
      done: 2,
      files: 4,
      heartbeatAt: later(1_000).toISOString(),
    });
    expect(await updateRunningReviewJob(handle.db, ID, { status: 'checking', done: 4 }, later(2_000))).toBe(true);
    expect(await updateRunningReviewJob(handle.db, ID, { status: 'done', review: REVIEW }, later(3_000))).toBe(true);
    const done = await findReviewJob(handle.db, ID);
    expect(done).toMatchObject({ status: 'done', done: 4, finishedAt: later(3_000).toISOString(), error: null });
    expect(done?.review).toEqual(REVIEW);
    // A second outcome (or a late progress write) changes nothing.
    expect(await updateRunningReviewJob(handle.db, ID, { status: 'failed', error: 'x' }, later(4_000))).toBe(false);
    expect(await updateRunningReviewJob(handle.db, ID, { done: 1 }, later(4_000))).toBe(false);
    expect(await findReviewJob(handle.db, ID)).toMatchObject({ status: 'done', done: 4, error: null });
  });

  it('declares a job failed only once its heartbeat is stale, and a dead worker cannot write afterwards', async () => {
    await updateRunningReviewJob(handle.db, ID, { done: 1 }, later(60_000));
    expect(await failStaleReviewJob(handle.db, ID, later(30_000), '进程已停止', later(90_000))).toBe(false);
    expect(await findReviewJob(handle.db, ID)).toMatchObject({ status: 'reading' });
    expect(await failStaleReviewJob(handle.db, ID, later(61_000), '进程已停止', later(181_000))).toBe(true);
    expect(await findReviewJob(handle.db, ID)).toMatchObject({
      status: 'failed',
      error: '进程已停止',
      finishedAt: later(181_000).toISOString(),
      heartbeatAt: later(60_000).toISOString(),
    });
    expect(await updateRunningReviewJob(handle.db, ID, { status: 'done', review: REVIEW }, later(182_000))).toBe(false);
    expect(await failStaleReviewJob(handle.db, ID, later(200_000), 'again', later(200_000))).toBe(false);
    expect((await findReviewJob(handle.db, ID))?.review).toBeNull();
  });

  it('cleans up jobs created before a cut-off and keeps newer ones', async () => {
    const NEW = '6f1c2b1e-1111-4aaa-8bbb-000000000002';
    await insertReviewJob(handle.db, { id: NEW, year: 2024, files: 1, startedBy: 7, worker: 'host:2:b', now: later(86_400_000) });
    expect(await deleteReviewJobsCreatedBefore(handle.db, later(1))).toBe(1);
    expect(await findReviewJob(handle.db, ID)).toBeNull();
    expect(await findReviewJob(handle.db, NEW)).toMatchObject({ year: 2024, status: 'reading' });
    expect(await findReviewJob(handle.db, 'no-such-job')).toBeNull();
  });
});
