import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { listAuditEntries } from '@kaoping/db/audit/audit.repository';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { callerFor } from '../testing/test-context';
import { importExampleInputs, readExample, setUpExample, toBase64 } from './assessment-test-fixtures';

const at = (iso: string) => ({ now: () => new Date(iso) });

describe.each(testDatabases)('assessment router on $name', (factory) => {
  let handle: DatabaseHandle;
  let ex: Awaited<ReturnType<typeof setUpExample>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    ex = await setUpExample(handle);
  });
  afterEach(() => handle.destroy());

  const count = async (table: 'assessment_scores' | 'findings' | 'assessment_events' | 'assessment_publications') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function publishQ3() {
    await importExampleInputs(ex.assessor, ex.q3.id);
    const { round } = await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id });
    return ex.assessor.assessment.rounds.publish({ roundId: ex.q3.id, version: round.version });
  }

  it('refuses a scheme whose errors name the node, exports what it stored, and copies it to the next year', async () => {
    const bad = JSON.parse(readExample('scheme.json'));
    bad.indicators[0].children[1].rule.perFinding = -1;
    bad.indicators[1].points = 31;
    const refused = await ex.admin.assessment.schemes.import({ json: JSON.stringify(bad) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.join('\n')).toContain('指标 1.2 rule.perFinding');
    const sums = JSON.parse(readExample('scheme.json'));
    sums.indicators[1].points = 31;
    sums.year = 2026;
    const refusedSum = await ex.admin.assessment.schemes.import({ json: JSON.stringify(sums) });
    expect(refusedSum).toEqual({ ok: false, problems: ['指标 2:子项分值之和 30 ≠ 31'] });
    expect(await ex.admin.assessment.schemes.import({ json: '{ not json' })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('不是有效的 JSON')],
    });

    const exported = await ex.admin.assessment.schemes.export({ id: ex.scheme.id });
    expect(JSON.parse(exported.json)).toMatchObject({ code: 'JL-2025', year: 2025 });
    const again = await ex.admin.assessment.schemes.import({ json: exported.json });
    expect(again).toMatchObject({ ok: false, problems: [expect.stringContaining('2025年度已有方案')] });
    const replaced = await ex.admin.assessment.schemes.import({ json: exported.json, version: ex.scheme.version });
    expect(replaced).toMatchObject({ ok: true, created: false, scheme: { version: 2 } });

    const copy = await ex.admin.assessment.schemes.copyToNextYear({ id: ex.scheme.id });
    expect(copy).toMatchObject({ year: 2026, code: 'JL-2026', title: '江临市2026年度政务公开工作考核评分细则', status: 'draft' });
    await expect(ex.admin.assessment.schemes.copyToNextYear({ id: ex.scheme.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    const view = await ex.assessor.assessment.schemes.get({ id: copy.id });
    expect(view.nodes.filter((n) => n.isLeaf).map((n) => n.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '3.1', '3.2', '4.1']);
  });

  it('opens one scored round per quarter, only for an existing period with a scheme', async () => {
    await expect(ex.assessor.assessment.rounds.open({ period: '2025Q3' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(ex.assessor.assessment.rounds.open({ period: '2025Q4' })).rejects.toMatchObject({
      message: '期次 2025Q4 不存在,请先在设置中新增期次',
    });
    await ex.admin.periods.create({ code: '2024Q4' });
    await expect(ex.assessor.assessment.rounds.open({ period: '2024Q4' })).rejects.toMatchObject({
      message: '2024年度尚无考核方案,请先导入方案',
    });
    const list = await ex.assessor.assessment.rounds.list({ year: 2025 });
    expect(list.map((r) => [r.periodCode, r.status, r.schemeCode])).toEqual([
      ['2025Q3', 'draft', 'JL-2025'],
      ['2025Q2', 'draft', 'JL-2025'],
    ]);
  });

  it('rejects a bad file as a whole with Chinese row and column, leaving the database unchanged', async () => {
    const scores = `${readExample('scores.csv').trim()}\nA01,2025Q1,1.3,特优\nA09,2025Q3,1.1,a\nB201,2025Q3,1.3,优\n`;
    const result = await ex.assessor.assessment.inputs.importFile({
      roundId: ex.q3.id,
      kind: 'scores',
      fileName: 'scores.csv',
      contentBase64: toBase64(scores),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual(
        expect.arrayContaining([
          { row: 96, column: 'value', message: expect.stringContaining('指标 1.3:等级 “特优” 不存在') },
          { row: 97, column: 'unit', message: expect.stringContaining('单位 A09 不在本轮参评单位中') },
          { row: 98, column: 'value', message: expect.stringContaining('不适用于单位 B201') },
        ]),
      );
    }
    expect(await count('assessment_scores')).toBe(0);
    const badFindings = 'unit,period,indicator,count,deduction,description,url\nA01,2025Q3,1.1,1,,不是扣分项,\n';
    const refused = await ex.assessor.assessment.inputs.importFile({
      roundId: ex.q3.id,
      kind: 'findings',
      fileName: 'findings.csv',
      contentBase64: toBase64(badFindings),
    });
    expect(refused).toMatchObject({
      ok: false,
      problems: [{ row: 2, column: 'indicator', message: '指标 1.1 不是扣分项(deduct),不能登记问题' }],
    });
    // A finding on a leaf the scores mark na is a conflict across files: refused, nothing written.
    await ex.assessor.assessment.inputs.importFile({
      roundId: ex.q3.id,
      kind: 'scores',
      fileName: 'scores.csv',
      contentBase64: toBase64(readExample('scores.csv')),
    });
    await ex.assessor.assessment.inputs.setScore({
      roundId: ex.q3.id,
      unitId: ex.unitIds.get('A02') ?? 0,
      leaf: '1.2',
      value: 'na',
      naReason: '本季度栏目停用',
      expected: null,
    });
    const conflict = await ex.assessor.assessment.inputs.importFile({
      roundId: ex.q3.id,
      kind: 'findings',
      fileName: 'findings.csv',
      contentBase64: toBase64(readExample('findings.csv')),
    });
    expect(conflict).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining('单位 A02:指标 1.2 对单位 A02 不适用,不能登记问题') }],
    });
    expect(await count('findings')).toBe(0);
  });

  it('imports a year file into its quarter, reports the other quarters as skipped, and replaces an earlier import on re-import', async () => {
    const dry = await ex.assessor.assessment.inputs.importFile({
      roundId: ex.q3.id,
      kind: 'findings',
      fileName: 'findings.csv',
      contentBase64: toBase64(readExample('findings.csv')),
      dryRun: true,
    });
    expect(dry).toEqual({
      ok: true,
      dryRun: true,
      kind: 'findings',
      imported: 6,
      changed: 6,
      replaced: 0,
      skipped: [{ period: '2025Q2', rows: 1 }],
    });
    expect(await count('findings')).toBe(0);
    await ex.assessor.assessment.inputs.importFile({
      roundId: ex.q3.id,
      kind: 'findings',
      fileName: 'findings.csv',
      contentBase64: toBase64(readExample('findings.csv')),
    });
    const again = await ex.assessor.assessment.inputs.importFile({
      roundId: ex.q3.id,
      kind: 'findings',
      fileName: 'findings.csv',
      contentBase64: toBase64(readExample('findings.csv')),
    });
    expect(again).toMatchObject({ ok: true, imported: 6, replaced: 6 });
    expect(await count('findings')).toBe(6);
    const audit = await listAuditEntries(handle.db, { entity: 'assessment_round', entityId: String(ex.q3.id), limit: 10 });
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('assessment.import'))).toEqual([
      'assessment.import.findings',
      'assessment.import.findings',
    ]);
  });

  it('scores one cell by hand with its rule, refusing a stale grid and an na without a reason', async () => {
    const a01 = ex.unitIds.get('A01') ?? 0;
    await expect(
      ex.assessor.assessment.inputs.setScore({ roundId: ex.q3.id, unitId: a01, leaf: '2.2', value: '16', expected: null }),
    ).rejects.toMatchObject({ message: '指标 2.2:得分 16 超出 [0, 15]' });
    await expect(
      ex.assessor.assessment.inputs.setScore({ roundId: ex.q3.id, unitId: a01, leaf: '1.3', value: 'na', expected: null }),
    ).rejects.toMatchObject({ message: expect.stringContaining('请填写原因') });
    await ex.assessor.assessment.inputs.setScore({ roundId: ex.q3.id, unitId: a01, leaf: '2.2', value: '13.5', expected: null });
    await expect(
      ex.admin.assessment.inputs.setScore({ roundId: ex.q3.id, unitId: a01, leaf: '2.2', value: '12', expected: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await ex.admin.assessment.inputs.setScore({ roundId: ex.q3.id, unitId: a01, leaf: '2.2', value: '12', expected: '13.5' });
    // Two saves of the same cell at once from the same grid: one is written (and audited), the other is told.
    const version = (await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id })).round.version;
    const saves = await Promise.allSettled(
      ['0', '1'].map((value) =>
        ex.assessor.assessment.inputs.setScore({ roundId: ex.q3.id, unitId: a01, leaf: '3.1', value, expected: null }),
      ),
    );
    expect(saves.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(saves.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const audit = await listAuditEntries(handle.db, { entity: 'assessment_round', entityId: String(ex.q3.id), limit: 50 });
    expect(audit.filter((a) => a.action === 'assessment.score.set' && JSON.stringify(a.after).includes('"3.1"'))).toHaveLength(1);
    expect((await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id })).round.version).toBe(version + 1);
    const grid = await ex.assessor.assessment.inputs.grid({ roundId: ex.q3.id, group: 'A' });
    const cell = grid.units.find((u) => u.code === 'A01')?.cells.find((c) => c.leaf === '2.2');
    expect(cell).toMatchObject({ value: '12', earned: 12, source: 'manual', applicable: true });
    expect(grid.leaves.find((l) => l.code === '1.2')).toMatchObject({
      points: 20,
      rule: { kind: 'deduct', perFinding: 1 },
      needsInput: false,
    });
    const b2 = await ex.assessor.assessment.inputs.grid({ roundId: ex.q3.id, group: 'B2' });
    expect(b2.leaves.map((l) => l.code)).not.toContain('1.3');

    const finding = await ex.assessor.assessment.inputs.addFinding({
      roundId: ex.q3.id,
      unitId: a01,
      leaf: '1.2',
      count: 2,
      description: '动态栏目两周未更新',
      url: 'http://example.gov.cn/a01',
    });
    expect(finding.finding).toMatchObject({ count: 2, source: 'manual', status: 'active' });
    await expect(
      ex.assessor.assessment.inputs.addFinding({ roundId: ex.q3.id, unitId: a01, leaf: '2.2', description: '不是扣分项' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('不是扣分项') });
    const sheet = await ex.assessor.assessment.results.sheet({ roundId: ex.q3.id, unitId: a01 });
    expect(sheet.rows.find((r) => r.code === '1.2')).toMatchObject({
      earned: 18,
      losses: [{ kind: 'finding', points: 2, findingId: finding.finding.id }],
    });
  });

  it("saves the grid's pending cells together, all or nothing, one audit entry per changed cell, without recomputing the draft", async () => {
    const a01 = ex.unitIds.get('A01') ?? 0;
    const a02 = ex.unitIds.get('A02') ?? 0;
    const audits = async () =>
      Number(
        (
          await handle.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'assessment.score.set')
            .executeTakeFirst()
        )?.n,
      );
    const save = ex.assessor.assessment.inputs.saveScores;
    // One bad cell refuses the batch, naming it; nothing is written.
    await expect(
      save({
        roundId: ex.q3.id,
        cells: [
          { unitId: a01, leaf: '2.2', value: '13', expected: null },
          { unitId: a02, leaf: '2.2', value: '16', expected: null },
        ],
      }),
    ).rejects.toMatchObject({ message: '指标 2.2:得分 16 超出 [0, 15]' });
    expect(await count('assessment_scores')).toBe(0);
    expect(await audits()).toBe(0);
    await expect(
      save({
        roundId: ex.q3.id,
        cells: [
          { unitId: a01, leaf: '2.2', value: '13', expected: null },
          { unitId: a01, leaf: '2.2', value: '12', expected: null },
        ],
      }),
    ).rejects.toMatchObject({ message: '同一单元格在一次保存中出现了多次' });

    const saved = await save({
      roundId: ex.q3.id,
      cells: [
        { unitId: a01, leaf: '2.2', value: '13', expected: null },
        { unitId: a02, leaf: '2.2', value: '9.5', expected: null },
        { unitId: a02, leaf: '1.1', value: null, expected: null },
      ],
    });
    expect(saved.cells).toEqual([
      { unitId: a01, leaf: '2.2', changed: true },
      { unitId: a02, leaf: '2.2', changed: true },
      { unitId: a02, leaf: '1.1', changed: false },
    ]);
    expect(saved.restatement).toBeNull();
    expect(await count('assessment_scores')).toBe(2);
    expect(await audits()).toBe(2);
    const grid = await ex.assessor.assessment.inputs.grid({ roundId: ex.q3.id, group: 'A' });
    expect(grid.units.find((u) => u.code === 'A02')?.cells.find((c) => c.leaf === '2.2')).toMatchObject({ value: '9.5', earned: 9.5 });

    // A stale cell (someone changed it since the grid loaded) refuses the batch with CONFLICT, naming the cell.
    await expect(
      save({
        roundId: ex.q3.id,
        cells: [
          { unitId: a01, leaf: '2.2', value: '14', expected: null },
          { unitId: a02, leaf: '2.2', value: '10', expected: '9.5' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('单位 A01 指标 2.2 已被他人修改') });
    expect(await audits()).toBe(2);

    // What the whole-round computation used to catch, the cell check catches: na on a leaf with an active finding.
    await ex.assessor.assessment.inputs.addFinding({ roundId: ex.q3.id, unitId: a01, leaf: '1.2', count: 1, description: '未更新' });
    const naWithFinding = { roundId: ex.q3.id, unitId: a01, leaf: '1.2', value: 'na', naReason: '本年度无此项工作', expected: null };
    await expect(ex.assessor.assessment.inputs.setScore(naWithFinding)).rejects.toMatchObject({
      message: '单位 A01:指标 1.2 对单位 A01 不适用,不能登记问题',
    });
    await expect(save({ roundId: ex.q3.id, cells: [naWithFinding] })).rejects.toMatchObject({
      message: '单位 A01:指标 1.2 对单位 A01 不适用,不能登记问题',
    });
    // A liaison or a reader may not save cells.
    await expect(
      callerFor(handle, ex.org.users.leader).assessment.inputs.saveScores({
        roundId: ex.q3.id,
        cells: [{ unitId: a01, leaf: '2.2', value: '1', expected: '13' }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('blocks publication while units are incomplete, then freezes the snapshot and the scheme', async () => {
    await ex.assessor.assessment.inputs.importFile({
      roundId: ex.q3.id,
      kind: 'findings',
      fileName: 'findings.csv',
      contentBase64: toBase64(readExample('findings.csv')),
    });
    const { round } = await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id });
    await expect(ex.assessor.assessment.rounds.publish({ roundId: ex.q3.id, version: round.version })).rejects.toMatchObject({
      message: expect.stringContaining('有 10 个单位的评分不完整,不能发布'),
    });
    expect(await count('assessment_publications')).toBe(0);

    const published = await publishQ3();
    expect(published).toMatchObject({ sequence: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const after = await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id });
    expect(after.round).toMatchObject({ status: 'published', objectionDeadline: '2026-03-12' });
    expect(after.scheme.status).toBe('frozen');
    const refused = await ex.admin.assessment.schemes.import({ json: readExample('scheme.json'), version: after.scheme.version });
    expect(refused).toMatchObject({ ok: false, problems: [expect.stringContaining('已冻结')] });
    const reimport = await ex.assessor.assessment.inputs.importFile({
      roundId: ex.q3.id,
      kind: 'scores',
      fileName: 'scores.csv',
      contentBase64: toBase64(readExample('scores.csv')),
    });
    expect(reimport).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('本轮已发布,不能再导入') }] });
    await expect(ex.assessor.assessment.rounds.publish({ roundId: ex.q3.id, version: after.round.version })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it("refuses a publication from a view older than a cell's change (entered, changed back, or cleared), then publishes at the version shown", async () => {
    await importExampleInputs(ex.assessor, ex.q3.id);
    const a04 = ex.unitIds.get('A04') ?? 0;
    const versionNow = async () => (await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id })).round.version;
    const seen = await versionNow();
    const set = (value: string | null, expected: string | null) =>
      ex.assessor.assessment.inputs.setScore({ roundId: ex.q3.id, unitId: a04, leaf: '2.2', value, expected });
    await set('15', '10');
    await set('10', '15');
    // The cell holds what it held when the round was viewed, yet the view is stale: each change moved the version.
    const afterTwo = await versionNow();
    expect(afterTwo).toBe(seen + 2);
    expect((await ex.assessor.assessment.rounds.list({ year: 2025 })).find((r) => r.id === ex.q3.id)?.version).toBe(afterTwo);
    await expect(ex.assessor.assessment.rounds.publish({ roundId: ex.q3.id, version: seen })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('已有变动'),
    });
    await set(null, '10');
    const cleared = await versionNow();
    expect(cleared).toBeGreaterThan(afterTwo);
    await set('10', null);
    const current = await versionNow();
    expect(current).toBeGreaterThan(cleared);
    await expect(ex.assessor.assessment.rounds.publish({ roundId: ex.q3.id, version: cleared })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const published = await ex.assessor.assessment.rounds.publish({ roundId: ex.q3.id, version: current });
    expect(published.sequence).toBe(1);
    const { round } = await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id });
    expect(round).toMatchObject({ status: 'published', version: current + 1 });
    // A draft's write after the publication: refused as a draft write, nothing written.
    await expect(set('12', '10')).rejects.toMatchObject({ message: expect.stringContaining('请填写更正理由') });
    expect((await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id })).round.version).toBe(current + 1);
  });

  it('corrects a published round only as a restatement with a reason and a diff; the original snapshot stays', async () => {
    const original = await publishQ3();
    const a04 = ex.unitIds.get('A04') ?? 0;
    const before = await ex.assessor.assessment.results.round({ roundId: ex.q3.id });
    await expect(
      ex.assessor.assessment.inputs.setScore({ roundId: ex.q3.id, unitId: a04, leaf: '2.2', value: '15', expected: '10' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('请填写更正理由') });
    const corrected = await ex.assessor.assessment.inputs.setScore({
      roundId: ex.q3.id,
      unitId: a04,
      leaf: '2.2',
      value: '15',
      expected: '10',
      reason: '复核答复规范材料,应为满分',
    });
    expect(corrected.restatement).toMatchObject({ sequence: 2, reason: '更正:复核答复规范材料,应为满分', previousId: original.id });
    const publications = await ex.assessor.assessment.rounds.publications({ roundId: ex.q3.id });
    expect(publications.map((p) => [p.sequence, p.contentHash === original.contentHash])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(publications[1]?.diff?.scoresChanged).toEqual([{ unit: 'A04', indicator: '2.2', before: '10', after: '15' }]);
    // A04 is capped at 59 by its veto: its base rises, its final does not, so no unit's result line changes.
    expect(publications[1]?.diff?.units).toEqual([]);
    const stored = await handle.db
      .selectFrom('assessment_publications')
      .select(['content_hash', 'results_json'])
      .where('id', '=', original.id)
      .executeTakeFirstOrThrow();
    expect(stored.content_hash).toBe(original.contentHash);
    const now = await ex.assessor.assessment.results.round({ roundId: ex.q3.id });
    expect(now.groups).toEqual(
      before.groups.map((g) => ({ ...g, rows: g.rows.map((r) => (r.unit === 'A04' ? { ...r, base: 79, normalized: 79 } : r)) })),
    );
  });

  it('keeps a liaison to their own unit, and to published results', async () => {
    const liaison = callerFor(handle, ex.org.users.liaison);
    const a01 = ex.unitIds.get('A01') ?? 0;
    const a02 = ex.unitIds.get('A02') ?? 0;
    await importExampleInputs(ex.assessor, ex.q3.id);
    await expect(liaison.assessment.results.sheet({ roundId: ex.q3.id, unitId: a01 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '本轮测评结果尚未发布',
    });
    await expect(liaison.assessment.results.round({ roundId: ex.q3.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { round } = await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id });
    await ex.assessor.assessment.rounds.publish({ roundId: ex.q3.id, version: round.version });
    const sheet = await liaison.assessment.results.sheet({ roundId: ex.q3.id, unitId: a01 });
    expect(sheet).toMatchObject({ unit: { code: 'A01' }, result: { final: 101, rank: 1, grade: '优秀' }, publication: { sequence: 1 } });
    expect(sheet.rows.map((r) => r.code)).toEqual(['1', '1.1', '1.2', '1.3', '2', '2.1', '2.2', '3', '3.1', '3.2', '4', '4.1']);
    await expect(liaison.assessment.results.sheet({ roundId: ex.q3.id, unitId: a02 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '无权查看其他单位的数据',
    });
    const a02Finding = await handle.db.selectFrom('findings').select('id').where('unit_id', '=', a02).executeTakeFirstOrThrow();
    await expect(
      liaison.assessment.objections.file({ findingId: Number(a02Finding.id), text: '这是别的单位的问题' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(liaison.assessment.inputs.screenshot({ findingId: Number(a02Finding.id) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await liaison.assessment.objections.list({})).toEqual([]);
  });

  it('takes an objection within the window; withdrawing the finding recomputes and appends a restatement with the diff', async () => {
    await publishQ3();
    const a02 = ex.unitIds.get('A02') ?? 0;
    const lx = await handle.db
      .insertInto('users')
      .values({
        username: 'lx-a02',
        display_name: '东湖区联络员',
        password_hash: 'x',
        role: 'liaison',
        unit_id: a02,
        is_active: 1,
        created_at: '2026-03-02T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const liaison = callerFor(
      handle,
      {
        id: Number(lx.id),
        username: 'lx-a02',
        displayName: '东湖区联络员',
        role: 'liaison',
        unitId: a02,
        unitName: '江临市东湖区人民政府',
        officeId: 1,
      },
      at('2026-03-05T02:00:00.000Z'),
    );
    const sheet = await liaison.assessment.results.sheet({ roundId: ex.q3.id, unitId: a02 });
    expect(sheet.result).toMatchObject({ final: 88, rank: 3 });
    const finding = sheet.findings.find((f) => f.description === '动态栏目两周未更新');
    expect(finding).toMatchObject({ count: 3, points: 3, status: 'active', objection: null });

    const objection = await liaison.assessment.objections.file({
      findingId: finding?.id ?? 0,
      text: '该栏目在测评期间已按期更新,附更新记录截图',
    });
    expect(objection).toMatchObject({ status: 'pending', unitCode: 'A02' });
    await expect(liaison.assessment.objections.file({ findingId: finding?.id ?? 0, text: '再次提出同一申诉内容' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(ex.assessor.assessment.inputs.withdrawFinding({ findingId: finding?.id ?? 0, reason: '直接撤销' })).rejects.toMatchObject({
      message: '该问题有待处理的申诉,请在申诉处理中决定',
    });
    const queue = await ex.assessor.assessment.objections.list({ status: 'pending' });
    expect(queue.map((o) => o.id)).toEqual([objection.id]);
    await expect(ex.assessor.assessment.rounds.lock({ roundId: ex.q3.id, version: 2 })).rejects.toMatchObject({
      message: '申诉期至 2026-03-12,期满后才能锁定',
    });

    const decided = await ex.assessor.assessment.objections.decide({
      objectionId: objection.id,
      decision: 'withdrawn',
      reason: '核实更新记录,问题不成立',
    });
    expect(decided.objection).toMatchObject({ status: 'withdrawn', reason: '核实更新记录,问题不成立' });
    expect(decided.publicationId).not.toBeNull();
    const after = await liaison.assessment.results.sheet({ roundId: ex.q3.id, unitId: a02 });
    // 91 reaches 优秀, but the group's quota (30% of 4 = 1) is held by A01: 良好.
    expect(after.result).toMatchObject({ final: 91, rank: 3, grade: '良好', isQuotaDemoted: true });
    expect(after.findings.find((f) => f.id === finding?.id)).toMatchObject({ status: 'withdrawn', objection: { status: 'withdrawn' } });
    const publications = await ex.assessor.assessment.rounds.publications({ roundId: ex.q3.id });
    expect(publications[1]).toMatchObject({ sequence: 2, reason: '申诉成立:核实更新记录,问题不成立' });
    expect(publications[1]?.diff?.units).toEqual([
      {
        unit: 'A02',
        name: '江临市东湖区人民政府',
        group: 'A',
        before: { final: 88, rank: 3, grade: '良好', vetoes: [] },
        after: { final: 91, rank: 3, grade: '良好', vetoes: [] },
      },
    ]);
    expect(publications[1]?.diff?.findingsRemoved).toEqual([
      { id: finding?.id, unit: 'A02', indicator: '1.2', description: '动态栏目两周未更新' },
    ]);

    // An upheld objection changes nothing; after the window objections are refused and the round locks.
    const other = after.findings.find((f) => f.status === 'active');
    expect(other).toBeUndefined();
    const late = callerFor(
      handle,
      { id: Number(lx.id), username: 'lx-a02', displayName: '东湖区联络员', role: 'liaison', unitId: a02, unitName: '', officeId: 1 },
      at('2026-03-13T02:00:00.000Z'),
    );
    const a04Finding = await handle.db
      .selectFrom('findings')
      .select('id')
      .where('unit_id', '=', ex.unitIds.get('A04') ?? 0)
      .executeTakeFirstOrThrow();
    await expect(late.assessment.objections.file({ findingId: Number(a04Finding.id), text: '别的单位的问题申诉' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const lateAssessor = callerFor(handle, ex.org.users.assessor, at('2026-03-13T02:00:00.000Z'));
    const { round } = await lateAssessor.assessment.rounds.get({ roundId: ex.q3.id });
    expect((await lateAssessor.assessment.rounds.lock({ roundId: ex.q3.id, version: round.version })).status).toBe('locked');
  });

  it('upholds an objection without a restatement, and refuses one after the window', async () => {
    await publishQ3();
    const liaison = callerFor(handle, ex.org.users.liaison, at('2026-03-03T02:00:00.000Z'));
    const a01 = ex.unitIds.get('A01') ?? 0;
    const added = await ex.assessor.assessment.inputs.addFinding({
      roundId: ex.q3.id,
      unitId: a01,
      leaf: '1.2',
      description: '错别字一处',
      reason: '补录遗漏问题',
    });
    expect(added.restatement?.sequence).toBe(2);
    const objection = await liaison.assessment.objections.file({ findingId: added.finding.id, text: '该处并非错别字,为专有名词' });
    const decided = await ex.assessor.assessment.objections.decide({
      objectionId: objection.id,
      decision: 'upheld',
      reason: '经核对确为错别字',
    });
    expect(decided).toMatchObject({ objection: { status: 'upheld' }, publicationId: null });
    expect((await ex.assessor.assessment.rounds.publications({ roundId: ex.q3.id })).length).toBe(2);
    await expect(
      ex.assessor.assessment.objections.decide({ objectionId: objection.id, decision: 'withdrawn', reason: '改判' }),
    ).rejects.toMatchObject({ message: '该申诉已处理' });
    const late = callerFor(handle, ex.org.users.liaison, at('2026-03-13T02:00:00.000Z'));
    const b = await handle.db
      .selectFrom('findings')
      .select('id')
      .where('unit_id', '=', a01)
      .where('description', '=', '错别字一处')
      .executeTakeFirstOrThrow();
    await expect(late.assessment.objections.file({ findingId: Number(b.id), text: '逾期提出的申诉内容' })).rejects.toMatchObject({
      message: '申诉期已于 2026-03-12 截止',
    });
  });

  it('lets a liaison self-assess while the round is a draft and shows the gap once published', async () => {
    const liaison = callerFor(handle, ex.org.users.liaison);
    await liaison.assessment.self.set({ roundId: ex.q3.id, leaf: '1.1', value: 'a;b;c', evidence: 'http://example.gov.cn/a01/gfxwj' });
    await liaison.assessment.self.set({ roundId: ex.q3.id, leaf: '2.2', value: '15' });
    await expect(liaison.assessment.self.set({ roundId: ex.q3.id, leaf: '1.2', value: '20' })).rejects.toMatchObject({
      message: expect.stringContaining('无需自评打分'),
    });
    const draft = await liaison.assessment.self.get({ roundId: ex.q3.id });
    expect(draft).toMatchObject({ canEdit: true, unit: { code: 'A01' }, assessedFinal: null });
    expect(draft.rows.find((r) => r.code === '1.1')).toMatchObject({
      selfValue: 'a;b;c',
      selfEarned: 10,
      evidence: 'http://example.gov.cn/a01/gfxwj',
      assessedEarned: null,
    });

    const { round } = await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id });
    await importExampleInputs(ex.assessor, ex.q3.id);
    const { round: r2 } = await ex.assessor.assessment.rounds.get({ roundId: ex.q3.id });
    expect(r2.version).toBeGreaterThan(round.version);
    await ex.assessor.assessment.rounds.publish({ roundId: ex.q3.id, version: r2.version });
    const compared = await liaison.assessment.self.get({ roundId: ex.q3.id });
    expect(compared.canEdit).toBe(false);
    expect(compared.rows.find((r) => r.code === '2.2')).toMatchObject({ selfEarned: 15, assessedEarned: 13, gap: 2 });
    await expect(liaison.assessment.self.set({ roundId: ex.q3.id, leaf: '2.2', value: '14' })).rejects.toMatchObject({
      message: '本轮测评已发布,自评已截止',
    });
    const byAssessor = await ex.assessor.assessment.self.get({ roundId: ex.q3.id, unitId: ex.unitIds.get('A01') ?? 0 });
    expect(byAssessor.rows.find((r) => r.code === '1.1')?.gap).toBe(0);
    // Self rounds never show up as rounds of their own.
    expect((await ex.assessor.assessment.rounds.list({ year: 2025 })).map((r) => r.kind)).toEqual(['office', 'office']);
  });

  it('computes annual results from the published quarters, unscored while a listed quarter is missing', async () => {
    await publishQ3();
    const annual = await ex.assessor.assessment.results.annual({ year: 2025 });
    expect(annual.quarters.map((q) => [q.period, q.weight, q.status])).toEqual([
      ['2025Q1', 0.2, null],
      ['2025Q2', 0.2, 'draft'],
      ['2025Q3', 0.2, 'published'],
      ['2025Q4', 0.4, null],
    ]);
    const a01 = annual.groups.find((g) => g.code === 'A')?.rows.find((r) => r.unit === 'A01');
    expect(a01).toMatchObject({ final: null, rank: null, unscoredReason: expect.stringContaining('缺少 2025Q1 的考核结果') });
  });
});
