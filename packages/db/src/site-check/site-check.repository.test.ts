import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { insertUnit } from '../units/unit.repository';
import {
  getSettings,
  insertRun,
  listProblems,
  listRunUnits,
  nextQueuedRun,
  recordUnitProblems,
  replaceWords,
  listWords,
  requeueInterruptedRuns,
  saveSettings,
  setRunStatus,
  setRunUnit,
} from './site-check.repository';

const NOW = '2026-12-07T02:00:00.000Z';
const defaults = {
  columns: [{ name: '工作动态', intervalDays: 14 }],
  limits: { maxPages: 200, maxDepth: 3, perHostConcurrency: 2, minIntervalMs: 250, pageTimeoutMs: 15_000 },
  scheduleDay: null,
};
const problem = (key: string) => ({
  kind: 'dead_link' as const,
  veto: false,
  key,
  url: 'http://a/',
  detail: key,
  evidence: { sha256: 'a'.repeat(64), status: 200, at: NOW },
});

describe.each(testDatabases)('site check repository on $name', (factory) => {
  let handle: DatabaseHandle;
  let unitId: number;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    unitId = (
      await insertUnit(
        handle.db,
        { code: 'A01', name: '临江区人民政府', kind: 'county_gov', tags: [], validFrom: '2020-01-01', note: '', parentId: null },
        NOW,
      )
    ).id;
  });
  afterEach(() => handle.destroy());

  it('settings default until saved, then versioned', async () => {
    const { db } = handle;
    expect(await getSettings(db, defaults)).toMatchObject({ version: 0, columns: defaults.columns });
    expect(await saveSettings(db, { ...defaults, scheduleDay: 1 }, 0, NOW)).toBe(true);
    expect(await saveSettings(db, defaults, 0, NOW)).toBe(false);
    expect(await getSettings(db, defaults)).toMatchObject({ version: 1, scheduleDay: 1 });
    expect(await saveSettings(db, defaults, 1, NOW)).toBe(true);
    await replaceWords(
      db,
      [
        { word: '办工厅', suggestion: '办公厅' },
        { word: '禁词', suggestion: null },
      ],
      NOW,
    );
    expect(await listWords(db)).toEqual([
      { word: '办工厅', suggestion: '办公厅' },
      { word: '禁词', suggestion: null },
    ]);
  });

  it('a run survives a restart: interrupted runs go back to the queue with their unfinished units', async () => {
    const { db } = handle;
    const run = await insertRun(
      db,
      {
        scope: 'all',
        trigger: 'manual',
        judgedOn: '2026-12-07',
        createdBy: null,
        createdByName: '系统',
        targets: [{ unitId, url: 'http://a/' }],
      },
      NOW,
    );
    const [u] = await listRunUnits(db, run.id);
    await setRunStatus(db, run.id, 'running', NOW);
    await setRunUnit(db, u!.id, { status: 'running', pages: 7, startedAt: NOW });
    expect(await nextQueuedRun(db)).toBeNull();
    expect(await requeueInterruptedRuns(db)).toBe(1);
    expect((await nextQueuedRun(db))?.id).toBe(run.id);
    expect(await listRunUnits(db, run.id)).toMatchObject([{ status: 'queued', pages: 0 }]);
  });

  it('problems open, are seen again, resolve when the next check no longer finds them, and reopen', async () => {
    const { db } = handle;
    const runs = [];
    for (let i = 0; i < 3; i++)
      runs.push(
        await insertRun(
          db,
          { scope: 'all', trigger: 'manual', judgedOn: '2026-12-07', createdBy: null, createdByName: '系统', targets: [] },
          NOW,
        ),
      );
    expect(await recordUnitProblems(db, unitId, runs[0]!.id, [problem('dead_link:x'), problem('dead_link:y')], NOW)).toEqual({
      opened: 2,
      resolved: 0,
    });
    expect(await recordUnitProblems(db, unitId, runs[1]!.id, [problem('dead_link:y')], NOW)).toEqual({ opened: 0, resolved: 1 });
    expect((await listProblems(db, { unitId })).map((p) => [p.key, p.status, p.resolvedRunId])).toEqual([
      ['dead_link:x', 'resolved', runs[1]!.id],
      ['dead_link:y', 'open', null],
    ]);
    expect(await recordUnitProblems(db, unitId, runs[2]!.id, [problem('dead_link:x'), problem('dead_link:y')], NOW)).toEqual({
      opened: 1,
      resolved: 0,
    });
    expect((await listProblems(db, { status: ['open'] })).map((p) => p.key)).toEqual(['dead_link:x', 'dead_link:y']);
    // A check that could not read the site verifies nothing.
    const unreachable = { ...problem('unreachable'), kind: 'unreachable' as const, veto: true };
    expect(await recordUnitProblems(db, unitId, runs[2]!.id, [unreachable], NOW, false)).toEqual({ opened: 1, resolved: 0 });
    expect((await listProblems(db, { status: ['open'] })).map((p) => p.key)).toEqual(['dead_link:x', 'dead_link:y', 'unreachable']);
  });
});
