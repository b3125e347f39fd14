import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import { insertGroup, setUnitGroup } from '../org/group.repository';
import { insertPeriod } from '../org/period.repository';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { insertUnit, updateUnit } from '../units/unit.repository';
import {
  deleteImportedFindings,
  insertEvents,
  insertFinding,
  insertFindings,
  listRoundFindings,
  listRoundScores,
  saveAssessmentFile,
  findAssessmentFile,
  findRoundScore,
  upsertScores,
  withdrawFinding,
  writeScoreIfUnchanged,
} from './assessment-input.repository';
import { decideObjection, insertObjection, listObjections } from './objection.repository';
import { findLatestPublication, findLatestResultsOfRounds, insertPublication, listPublications } from './publication.repository';
import { findScoreCellOfUnit, loadRoundScoringInputs } from './round-inputs.repository';
import {
  findRoundById,
  findRoundWithSchemeHash,
  findScoredRoundOfPeriod,
  insertRound,
  markRoundLocked,
  holdRoundInStatus,
  inputsVersionsOf,
  lockRoundForChange,
  markRoundPublished,
  roundIsInStatus,
  touchRoundInStatus,
} from './round.repository';
import { findSchemeByYear, freezeScheme, insertScheme, replaceDraftScheme } from './scheme.repository';

const NOW = '2025-10-08T02:00:00.000Z';
const base = { tags: [] as string[], validFrom: '2020-01-01', note: '', parentId: null };
const SCHEME = {
  year: 2025,
  code: 'JL-2025',
  title: '江临市2025年度政务公开工作考核评分细则',
  json: '{"code":"JL-2025"}',
  contentHash: 'h1',
};

describe.each(testDatabases)('assessment repositories on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    await insertPeriod(
      handle.db,
      { code: '2025Q3', kind: 'quarter', year: 2025, startDate: '2025-07-01', endDate: '2025-09-30', status: 'open' },
      NOW,
    );
  });
  afterEach(() => handle.destroy());

  async function seedUnits() {
    const { db } = handle;
    const a = await insertUnit(db, { ...base, code: 'A01', name: '临江区人民政府', kind: 'county_gov', tags: ['试点'] }, NOW);
    const b = await insertUnit(db, { ...base, code: 'B101', name: '市教育局', kind: 'city_dept' }, NOW);
    const gone = await insertUnit(db, { ...base, code: 'B199', name: '已撤销的局', kind: 'city_dept' }, NOW);
    await updateUnit(db, gone.id, gone.version, { validTo: '2025-06-30' }, NOW);
    const c = await insertUnit(db, { ...base, code: 'C01', name: '某镇', kind: 'township' }, NOW);
    const gA = await insertGroup(db, { year: 2025, code: 'A', name: '区县', sortOrder: 1 });
    const gB = await insertGroup(db, { year: 2025, code: 'B1', name: '部门', sortOrder: 2 });
    const gC = await insertGroup(db, { year: 2025, code: 'C', name: '乡镇', sortOrder: 3 });
    await setUnitGroup(db, a.id, 2025, gA);
    await setUnitGroup(db, b.id, 2025, gB);
    await setUnitGroup(db, gone.id, 2025, gB);
    await setUnitGroup(db, c.id, 2025, gC);
    return { a, b, c, gone };
  }

  it('keeps one scheme per year, replaces a draft only at the loaded version, never a frozen one', async () => {
    const { db } = handle;
    const scheme = await insertScheme(db, SCHEME, NOW);
    expect(scheme).toMatchObject({ status: 'draft', version: 1, scheme: { code: 'JL-2025' } });
    await expect(insertScheme(db, SCHEME, NOW)).rejects.toThrow();
    const replaced = await replaceDraftScheme(db, scheme.id, 1, { ...SCHEME, json: '{"code":"JL-2025b"}', contentHash: 'h2' }, NOW);
    expect(replaced?.version).toBe(2);
    expect(await replaceDraftScheme(db, scheme.id, 1, { ...SCHEME, contentHash: 'h3' }, NOW)).toBeNull();
    await freezeScheme(db, scheme.id, NOW);
    expect(await replaceDraftScheme(db, scheme.id, 2, { ...SCHEME, contentHash: 'h4' }, NOW)).toBeNull();
    expect(await findSchemeByYear(db, 2025)).toMatchObject({ status: 'frozen', contentHash: 'h2', frozenAt: NOW });
  });

  it('reads a round as the engine takes it: units of the scheme groups valid in the period, active findings only', async () => {
    const { db } = handle;
    const { a, b, c } = await seedUnits();
    const scheme = await insertScheme(db, SCHEME, NOW);
    const round = await insertRound(
      db,
      { periodCode: '2025Q3', schemeId: scheme.id, kind: 'office', title: '', objectionDays: 10, createdBy: null },
      NOW,
    );
    await expect(
      insertRound(db, { periodCode: '2025Q3', schemeId: scheme.id, kind: 'office', title: '', objectionDays: 10, createdBy: null }, NOW),
    ).rejects.toThrow();
    await upsertScores(
      db,
      round.id,
      [
        { unitId: a.id, leaf: '1.1', value: 'a;b', naReason: '', evidence: '', source: 'import' },
        { unitId: b.id, leaf: '1.3', value: 'na', naReason: '本年度无此项工作', evidence: '', source: 'manual' },
        { unitId: c.id, leaf: '1.1', value: 'a', naReason: '', evidence: '', source: 'import' },
      ],
      null,
      NOW,
    );
    await upsertScores(
      db,
      round.id,
      [{ unitId: a.id, leaf: '1.1', value: 'a;b;c', naReason: '', evidence: '', source: 'manual' }],
      null,
      NOW,
    );
    await upsertScores(db, round.id, [{ unitId: c.id, leaf: '1.1', value: null, naReason: '', evidence: '', source: 'manual' }], null, NOW);
    const kept = await insertFinding(
      db,
      round.id,
      {
        unitId: a.id,
        leaf: '1.2',
        count: 2,
        deduction: 2.5,
        description: '栏目未更新',
        url: 'http://x',
        seenAt: NOW,
        screenshotPath: null,
        source: 'manual',
      },
      null,
      NOW,
    );
    const gone = await insertFinding(
      db,
      round.id,
      {
        unitId: a.id,
        leaf: '1.2',
        count: 1,
        deduction: null,
        description: '错别字',
        url: '',
        seenAt: null,
        screenshotPath: null,
        source: 'manual',
      },
      null,
      NOW,
    );
    expect((await withdrawFinding(db, gone.id, '申诉成立', NOW))?.status).toBe('withdrawn');
    expect(await withdrawFinding(db, gone.id, '再次撤销', NOW)).toBeNull();
    await insertEvents(db, round.id, [{ unitId: b.id, code: 'V2', note: '首页15天未更新', source: 'import' }], null, NOW);

    const loaded = await loadRoundScoringInputs(db, round, ['A', 'B1']);
    expect(loaded.units.map((u) => u.code)).toEqual(['A01', 'B101']);
    expect(loaded.units[0]).toMatchObject({ id: a.id, group: 'A', tags: ['试点'] });
    expect(loaded.inputs.scores).toEqual([
      { unit: 'A01', period: '2025Q3', indicator: '1.1', value: 'a;b;c' },
      { unit: 'B101', period: '2025Q3', indicator: '1.3', value: 'na' },
    ]);
    expect(loaded.naReasons).toEqual({ 'B101:1.3': '本年度无此项工作' });
    expect(loaded.inputs.findings).toEqual([
      { unit: 'A01', period: '2025Q3', indicator: '1.2', count: 2, deduction: 2.5, description: '栏目未更新', url: 'http://x' },
    ]);
    expect(loaded.findingIds).toEqual([kept.id]);
    expect(loaded.inputs.events).toEqual([{ unit: 'B101', period: '2025Q3', code: 'V2', note: '首页15天未更新' }]);
    expect(loaded.inputs.rectifications).toEqual([]);
    expect((await listRoundScores(db, round.id)).length).toBe(2);
  });

  it('writes one cell only while it holds what the writer read, and moves the round version with every change of its cells', async () => {
    const { db } = handle;
    const { a, b } = await seedUnits();
    const scheme = await insertScheme(db, SCHEME, NOW);
    const round = await insertRound(
      db,
      { periodCode: '2025Q3', schemeId: scheme.id, kind: 'office', title: '', objectionDays: 10, createdBy: null },
      NOW,
    );
    expect(await findRoundWithSchemeHash(db, round.id)).toMatchObject({ round: { id: round.id, status: 'draft' }, schemeHash: 'h1' });
    expect(await findRoundWithSchemeHash(db, round.id + 1000)).toBeNull();
    const cell = (value: string | null, naReason = '') => ({
      unitId: a.id,
      leaf: '1.1',
      value,
      naReason,
      evidence: '',
      source: 'manual' as const,
    });
    const read = () => findRoundScore(db, round.id, a.id, '1.1');
    // The version a client sees moves with every change of a cell, and only then, without a write to the round's row.
    const versions: number[] = [];
    const version = async () => {
      const current = await findRoundById(db, round.id);
      return current ? (await inputsVersionsOf(db, [current])).get(round.id) : undefined;
    };
    const noted = async () => versions.push((await version()) ?? -1);
    await noted();
    expect(versions[0]).toBe(round.version);
    expect(await read()).toBeNull();
    expect(await writeScoreIfUnchanged(db, round.id, cell('1'), null, null, NOW)).toBe(true);
    await noted();
    // Someone who also read the cell empty finds it taken.
    expect(await writeScoreIfUnchanged(db, round.id, cell('0'), null, null, NOW)).toBe(false);
    expect(await read()).toEqual({ value: '1', naReason: '' });
    expect(await writeScoreIfUnchanged(db, round.id, cell('0'), { value: '0', naReason: '' }, null, NOW)).toBe(false);
    expect(await version()).toBe(versions.at(-1));
    expect(await writeScoreIfUnchanged(db, round.id, cell('na', '本年度无此项工作'), { value: '1', naReason: '' }, null, NOW)).toBe(true);
    await noted();
    expect(await read()).toEqual({ value: 'na', naReason: '本年度无此项工作' });
    // The reason is part of what was read.
    expect(await writeScoreIfUnchanged(db, round.id, cell(null), { value: 'na', naReason: '' }, null, NOW)).toBe(false);
    expect(await writeScoreIfUnchanged(db, round.id, cell(null), { value: 'na', naReason: '本年度无此项工作' }, null, NOW)).toBe(true);
    await noted();
    expect(await read()).toBeNull();
    // Written again after its removal: the removed cell's revisions stayed in the round's version.
    expect(await writeScoreIfUnchanged(db, round.id, cell('1'), null, null, NOW)).toBe(true);
    await noted();
    await upsertScores(db, round.id, [{ ...cell('0') }, { ...cell('1'), unitId: b.id }], null, NOW);
    await noted();
    await upsertScores(db, round.id, [{ ...cell(null) }], null, NOW);
    await noted();
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1] ?? Infinity);
    // Only while the round is in the status given, on each path (insert, update, delete).
    const inStatus = (roundStatus: 'draft' | 'published') => ({ roundStatus });
    const other = { ...cell('1'), leaf: '1.2' };
    expect(await writeScoreIfUnchanged(db, round.id, other, null, null, NOW, inStatus('published'))).toBe(false);
    expect(await writeScoreIfUnchanged(db, round.id, other, null, null, NOW, inStatus('draft'))).toBe(true);
    expect(
      await writeScoreIfUnchanged(db, round.id, { ...other, value: '0' }, { value: '1', naReason: '' }, null, NOW, inStatus('published')),
    ).toBe(false);
    expect(
      await writeScoreIfUnchanged(db, round.id, { ...other, value: null }, { value: '1', naReason: '' }, null, NOW, inStatus('published')),
    ).toBe(false);
    expect(await findRoundScore(db, round.id, a.id, '1.2')).toEqual({ value: '1', naReason: '' });
    expect(
      await writeScoreIfUnchanged(db, round.id, { ...other, value: '0' }, { value: '1', naReason: '' }, null, NOW, inStatus('draft')),
    ).toBe(true);
    expect(
      await writeScoreIfUnchanged(db, round.id, { ...other, value: null }, { value: '0', naReason: '' }, null, NOW, inStatus('draft')),
    ).toBe(true);
    expect(await findRoundScore(db, round.id, a.id, '1.2')).toBeNull();
    expect(await roundIsInStatus(db, round.id, 'draft')).toBe(true);
    expect(await roundIsInStatus(db, round.id, 'published')).toBe(false);
    versions.push((await version()) ?? -1);
    expect(versions.at(-1)).toBeGreaterThan(versions.at(-2) ?? Infinity);
    expect(await holdRoundInStatus(db, round.id, 'published')).toBe(false);
    expect(await holdRoundInStatus(db, round.id, 'draft')).toBe(true);
    expect(await version()).toBe(versions.at(-1));
    expect(await touchRoundInStatus(db, round.id, 'published', NOW)).toBe(false);
    expect(await touchRoundInStatus(db, round.id, 'draft', NOW)).toBe(true);
    expect(await version()).toBe((versions.at(-1) ?? 0) + 1);
    // Published at the version checked: the round's own version carries on from it.
    const rowVersion = (await findRoundById(db, round.id))?.version ?? 0;
    const checked = (await version()) ?? 0;
    const published = await markRoundPublished(db, round.id, rowVersion, { publishedAt: NOW, objectionDeadline: '2025-10-18' }, checked);
    expect(published?.version).toBe(checked + 1);
    expect(await version()).toBe(checked + 1);
    expect(await holdRoundInStatus(db, round.id, 'draft')).toBe(false);
    expect(await lockRoundForChange(db, round.id)).toMatchObject({ id: round.id, status: 'published', version: checked + 1 });
    expect(await lockRoundForChange(db, round.id + 1000)).toBeNull();
  });

  it('reads a score cell with its unit as the quarter assesses it, in one statement', async () => {
    const { db } = handle;
    const { a, gone } = await seedUnits();
    const ungrouped = await insertUnit(db, { ...base, code: 'D01', name: '未分组单位', kind: 'city_dept' }, NOW);
    const scheme = await insertScheme(db, SCHEME, NOW);
    const round = await insertRound(
      db,
      { periodCode: '2025Q3', schemeId: scheme.id, kind: 'office', title: '', objectionDays: 10, createdBy: null },
      NOW,
    );
    await upsertScores(
      db,
      round.id,
      [{ unitId: a.id, leaf: '1.3', value: 'na', naReason: '无此项', evidence: '', source: 'manual' }],
      null,
      NOW,
    );
    expect(await findScoreCellOfUnit(db, round, a.id, '1.3')).toEqual({
      unit: { id: a.id, code: 'A01', name: '临江区人民政府', group: 'A', tags: ['试点'] },
      current: { value: 'na', naReason: '无此项' },
    });
    expect(await findScoreCellOfUnit(db, round, a.id, '1.1')).toMatchObject({ unit: { id: a.id, group: 'A' }, current: null });
    // Gone before the quarter, or without a group that year: not assessed.
    expect(await findScoreCellOfUnit(db, round, gone.id, '1.1')).toEqual({ unit: null, current: null });
    expect(await findScoreCellOfUnit(db, round, ungrouped.id, '1.1')).toEqual({ unit: null, current: null });
    expect(await findScoreCellOfUnit(db, round, a.id + 1000, '1.1')).toEqual({ unit: null, current: null });
  });

  it('lets writers of a draft round hold it at once; publishing waits for them, and writers after it find it published', async (test) => {
    // Needs concurrent connections: a PostgreSQL server (SQLite and PGlite run one transaction at a time).
    if (handle.dialect !== 'postgres' || handle.schema === undefined) test.skip();
    const { db } = handle;
    const scheme = await insertScheme(db, SCHEME, NOW);
    const round = await insertRound(
      db,
      { periodCode: '2025Q3', schemeId: scheme.id, kind: 'office', title: '', objectionDays: 10, createdBy: null },
      NOW,
    );
    const events: string[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const writer = (name: string) => {
      let held: (ok: boolean) => void = () => {};
      const holding = new Promise<boolean>((resolve) => (held = resolve));
      const done = db.transaction().execute(async (trx) => {
        held(await holdRoundInStatus(trx, round.id, 'draft'));
        await released;
        events.push(name);
      });
      return { holding, done };
    };
    const first = writer('w1');
    const second = writer('w2');
    // Both hold the round at once: neither waits for the other.
    expect(await Promise.all([first.holding, second.holding])).toEqual([true, true]);
    const publisher = db.transaction().execute(async (trx) => {
      const locked = await lockRoundForChange(trx, round.id);
      events.push('locked');
      await markRoundPublished(trx, round.id, locked?.version ?? 0, { publishedAt: NOW, objectionDeadline: '2025-10-18' });
      events.push('published');
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toEqual([]);
    // A writer asking now queues behind the publisher, then reads the new status.
    const late = db.transaction().execute((trx) => holdRoundInStatus(trx, round.id, 'draft'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await Promise.all([first.done, second.done, publisher]);
    expect(events.slice(2)).toEqual(['locked', 'published']);
    expect(await late).toBe(false);
  });

  it('replaces imported findings but keeps those entered by hand', async () => {
    const { db } = handle;
    const { a } = await seedUnits();
    const scheme = await insertScheme(db, SCHEME, NOW);
    const round = await insertRound(
      db,
      { periodCode: '2025Q3', schemeId: scheme.id, kind: 'office', title: '', objectionDays: 10, createdBy: null },
      NOW,
    );
    const f = { unitId: a.id, leaf: '1.2', count: 1, deduction: null, description: 'x', url: '', seenAt: null, screenshotPath: null };
    await insertFindings(
      db,
      round.id,
      [
        { ...f, source: 'import' },
        { ...f, source: 'import' },
      ],
      null,
      NOW,
    );
    await insertFinding(db, round.id, { ...f, source: 'manual' }, null, NOW);
    expect(await deleteImportedFindings(db, round.id)).toBe(2);
    expect((await listRoundFindings(db, round.id)).map((x) => x.source)).toEqual(['manual']);
  });

  it('publishes append-only, moves draft → published → locked once, and decides an objection once', async () => {
    const { db } = handle;
    const { a } = await seedUnits();
    const scheme = await insertScheme(db, SCHEME, NOW);
    const round = await insertRound(
      db,
      { periodCode: '2025Q3', schemeId: scheme.id, kind: 'office', title: '', objectionDays: 10, createdBy: null },
      NOW,
    );
    const published = await markRoundPublished(db, round.id, round.version, { publishedAt: NOW, objectionDeadline: '2025-10-18' });
    expect(published).toMatchObject({ status: 'published', objectionDeadline: '2025-10-18', version: 2 });
    expect(await markRoundPublished(db, round.id, 2, { publishedAt: NOW, objectionDeadline: '2025-10-18' })).toBeNull();
    expect(await findScoredRoundOfPeriod(db, '2025Q3')).toMatchObject({ id: round.id, year: 2025 });

    const results = { scheme: 'JL-2025', period: '2025Q3', groups: [] };
    const common = {
      roundId: round.id,
      schemeId: scheme.id,
      schemeVersion: 1,
      schemeHash: 'h1',
      snapshotJson: '{"units":[]}',
      resultsJson: JSON.stringify(results),
      publishedAt: NOW,
      publishedBy: null,
      publishedByName: '系统',
    };
    const first = await insertPublication(db, { ...common, sequence: 1, contentHash: 'c1', reason: '', diff: null, previousId: null });
    await expect(
      insertPublication(db, { ...common, sequence: 1, contentHash: 'c1b', reason: '', diff: null, previousId: null }),
    ).rejects.toThrow();
    const diff = { units: [], findingsRemoved: [], findingsAdded: [], scoresChanged: [], eventsRemoved: [], eventsAdded: [] };
    await insertPublication(db, { ...common, sequence: 2, contentHash: 'c2', reason: '申诉成立', diff, previousId: first.id });
    expect((await findLatestPublication(db, round.id))?.contentHash).toBe('c2');
    expect((await listPublications(db, round.id)).map((p) => [p.sequence, p.reason, p.diff === null])).toEqual([
      [1, '', true],
      [2, '申诉成立', false],
    ]);
    expect((await findLatestResultsOfRounds(db, [round.id])).get(round.id)).toEqual(results);

    const finding = await insertFinding(
      db,
      round.id,
      {
        unitId: a.id,
        leaf: '1.2',
        count: 1,
        deduction: null,
        description: '错链',
        url: '',
        seenAt: null,
        screenshotPath: null,
        source: 'import',
      },
      null,
      NOW,
    );
    const objectionId = await insertObjection(
      db,
      { roundId: round.id, findingId: finding.id, unitId: a.id, text: '该链接当时可以访问', filedBy: null, filedByName: '联络员' },
      NOW,
    );
    expect(
      await decideObjection(
        db,
        objectionId,
        { status: 'upheld', reason: '复核后仍不可访问', decidedBy: null, decidedByName: '考评员', publicationId: null },
        NOW,
      ),
    ).toBe(true);
    expect(
      await decideObjection(
        db,
        objectionId,
        { status: 'withdrawn', reason: '改判', decidedBy: null, decidedByName: '考评员', publicationId: null },
        NOW,
      ),
    ).toBe(false);
    expect((await listObjections(db, { roundId: round.id, unitId: null, status: null }))[0]).toMatchObject({
      status: 'upheld',
      unitCode: 'A01',
      periodCode: '2025Q3',
      findingDescription: '错链',
    });

    expect(await markRoundLocked(db, round.id, 1, NOW)).toBeNull();
    expect((await markRoundLocked(db, round.id, 2, NOW))?.status).toBe('locked');
  });

  it('stores a screenshot once under its content path', async () => {
    const { db } = handle;
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    await saveAssessmentFile(db, { path: 'screenshots/abc.png', mime: 'image/png', bytes }, NOW);
    await saveAssessmentFile(db, { path: 'screenshots/abc.png', mime: 'image/png', bytes }, NOW);
    expect(await findAssessmentFile(db, 'screenshots/abc.png')).toMatchObject({
      size: 7,
      contentBase64: Buffer.from(bytes).toString('base64'),
    });
  });
});
