// The bulletin assembled from a small published round (the spec's worked example: ten units in
// three groups, 2025Q2 and 2025Q3), on both dialects: rankings with movement, praised and
// below-the-pass-line units, problems by level-1 indicator, last quarter's rectification with the
// unit that did not report back, the office's wording saved with optimistic concurrency and audited,
// and the documents.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { importExampleInputs, setUpExample } from '../assessment/assessment-test-fixtures';
import { callerFor } from '../testing/test-context';

/** A month after the example's items were issued: their one-working-day deadlines have passed. */
const LATER = new Date('2026-04-01T02:00:00.000Z');

describe.each(testDatabases)('bulletin router on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterEach(() => handle.destroy());

  /** Q2 published; three Q2 items (one closed, one never reported back, one submitted); a repeat in Q3. */
  async function publishTwoQuarters(options: { publishQ3: boolean }) {
    const setup = await setUpExample(handle);
    const { org, admin, assessor, q2, q3, unitIds } = setup;
    const id = (code: string) => unitIds.get(code) ?? 0;
    await importExampleInputs(assessor, q2.id);
    await importExampleInputs(assessor, q3.id);
    await assessor.assessment.rounds.publish({
      roundId: q2.id,
      version: (await assessor.assessment.rounds.get({ roundId: q2.id })).round.version,
    });

    const [q2Finding] = await handle.db.selectFrom('findings').select('id').where('round_id', '=', q2.id).execute();
    const [fromFinding] = await admin.rectification.issueFromFindings({
      findingIds: [Number(q2Finding?.id)],
      grouping: 'per_finding',
      due: { kind: 'working_days', days: 5 },
    });
    const liaison = callerFor(handle, org.users.liaison);
    let item = await liaison.rectification.transition({
      itemId: fromFinding?.id ?? 0,
      version: 1,
      action: { type: 'acknowledge', note: null },
    });
    item = await liaison.rectification.transition({
      itemId: item.id,
      version: item.version,
      action: {
        type: 'submit',
        measures: '已修复链接',
        completionNote: '已完成',
        evidence: [{ label: '栏目', url: 'http://example.gov.cn/a01' }],
      },
    });
    await admin.rectification.transition({ itemId: item.id, version: item.version, action: { type: 'recheck_pass', note: null } });
    await admin.rectification.issue({
      unitId: id('A02'),
      period: '2025Q2',
      title: '政务动态栏目长期未更新',
      due: { kind: 'working_days', days: 1 },
    });
    const submitted = await admin.rectification.issue({
      unitId: id('A01'),
      period: '2025Q2',
      title: '解读材料未关联',
      due: { kind: 'working_days', days: 1 },
    });
    await liaison.rectification.transition({ itemId: submitted.id, version: 1, action: { type: 'acknowledge', note: null } });
    await liaison.rectification.transition({
      itemId: submitted.id,
      version: 2,
      action: {
        type: 'submit',
        measures: '已关联',
        completionNote: '已完成',
        evidence: [{ label: '解读', url: 'http://example.gov.cn/a01/jd' }],
      },
    });

    // A01's closed problem (1.2, broken links) is found again in Q3.
    await assessor.assessment.inputs.addFinding({ roundId: q3.id, unitId: id('A01'), leaf: '1.2', description: '链接仍不可用' });
    if (options.publishQ3)
      await assessor.assessment.rounds.publish({
        roundId: q3.id,
        version: (await assessor.assessment.rounds.get({ roundId: q3.id })).round.version,
      });
    return setup;
  }

  it('assembles the published quarter: rankings with movement, named units, problems by indicator, rectification', async () => {
    const { org, assessor, q3 } = await publishTwoQuarters({ publishQ3: true });
    const leader = callerFor(handle, org.users.leader, { now: () => LATER });
    expect((await leader.bulletin.periods()).map((p) => [p.period, p.status, p.hasDraft])).toEqual([
      ['2025Q3', 'published', false],
      ['2025Q2', 'published', false],
    ]);

    const { figures, data, meeting } = await leader.bulletin.get({ period: '2025Q3' });
    const official = await assessor.assessment.results.round({ roundId: q3.id });
    // Rankings: the publication's order, rank and movement, group by group.
    expect(figures.groups.map((g) => g.code)).toEqual(['A', 'B1', 'B2']);
    for (const g of figures.groups) {
      const rows = official.groups.find((o) => o.code === g.code)?.rows ?? [];
      expect(g.rows.map((r) => [r.code, r.rank, r.rankDelta, r.final, r.grade])).toEqual(
        rows.map((r) => [r.unit, r.rank, r.rankDelta, r.final, r.grade]),
      );
      for (const r of g.rows) expect(r.previousRank).toBe(r.rank !== null && r.rankDelta !== null ? r.rank + r.rankDelta : null);
    }
    const groupA = figures.groups[0];
    expect(groupA?.rows[0]).toMatchObject({ code: 'A01', rank: 1 });
    expect(groupA?.previous).not.toBeNull();
    expect(figures.scheme).toMatchObject({ passScore: 60, topGrade: '优秀', failGrade: '不合格' });

    // Named units: each group's first (and 优秀) praised; the cap veto, the fail veto and the low score below the line.
    expect(figures.praised.map((m) => [m.code, m.reason])).toEqual(
      figures.groups.flatMap((g) =>
        g.rows.filter((r) => r.rank === 1 || r.grade === '优秀').map((r) => [r.code, r.rank === 1 ? 'first' : 'top']),
      ),
    );
    expect(figures.belowPass.map((m) => [m.code, m.reason])).toEqual([
      ['A04', 'veto'],
      ['B103', 'veto'],
      ['B202', 'below'],
    ]);
    expect(figures.vetoes.map((v) => [v.code, v.event])).toEqual([
      ['A04', 'V2'],
      ['B103', 'V1'],
    ]);
    expect(figures.majorDeductions.map((v) => [v.code, v.event])).toEqual([['B201', 'Z1']]);

    // Problems by level-1 indicator, weighted by count, with examples.
    expect(figures.problems.map((c) => [c.code, c.name, c.problems, c.findings, c.units])).toEqual([
      ['1', '主动公开', 3 + 1 + 2 + 1, 4, 4],
      ['2', '依申请公开', 1 + 1 + 4, 3, 3],
    ]);
    expect(figures.problems[1]?.indicators).toEqual([{ code: '2.1', name: '答复期限', problems: 6, units: 3 }]);
    expect(figures.problems[1]?.examples[0]).toMatchObject({ unit: 'B202', description: '依申请答复超期4件', count: 4 });
    expect(figures.scope).toMatchObject({ units: 10, scored: 10, findings: 7, problems: 13 });

    // Last quarter's rectification as of LATER: one closed on time, two overdue, A02 never reported back, A01's problem repeated.
    expect(figures.rectification).toMatchObject({
      period: '2025Q2',
      asOf: '2026-04-01',
      figures: { total: 3, closed: 1, closedOnTime: 1, open: 2, overdue: 2, awaitingOffice: 1 },
      notReportedBack: [{ code: 'A02', items: 1 }],
      repeatedUnits: [{ code: 'A01', items: 1 }],
    });
    expect(figures.rectification?.overdueUnits.map((u) => [u.code, u.items])).toEqual([
      ['A01', 1],
      ['A02', 1],
    ]);

    // The document view: praised per group, the pass line, annexes per group, default wording and requirements.
    expect(data.passLine).toBe(60);
    expect(data.belowPassLine.flatMap((g) => g.units.map((u) => u.reason))).toEqual([
      '单项否决：网站首页两周以上未更新',
      '单项否决：发生泄密等严重问题',
      '得分低于60分',
    ]);
    expect(data.rectification).toMatchObject({
      previousPeriodLabel: '2025年第二季度',
      itemCount: 3,
      notReportedUnits: ['江临市东湖区人民政府'],
      repeatedUnits: ['江临市临江区人民政府'],
    });
    expect(data.annexes.map((a) => a.title)).toEqual([
      '县（市、区）政府问题清单',
      '市直部门（承担重点领域）问题清单',
      '市直部门（其他）问题清单',
    ]);
    expect(data.annexes[2]?.units.find((u) => u.unitName === '江临市机关事务管理局')?.findings).toEqual([
      {
        indicator: '栏目更新及时准确',
        description: '政策文件栏目六个月未更新（2处）',
        pointsLost: 2.5,
        kind: 'finding',
        text: '政策文件栏目六个月未更新',
        count: 2,
      },
      // 2.1 pools its deductions under its level-1 indicator: 4 × 5 = 20 points, past the leaf's 15.
      {
        indicator: '答复期限',
        description: '依申请答复超期4件（4处）',
        pointsLost: 20,
        kind: 'finding',
        text: '依申请答复超期4件',
        count: 4,
      },
    ]);
    expect(data.wording.basis).toContain('以2025年9月30日为考评时间节点');
    expect(data.requirements.map((r) => r.heading)).toEqual(['抓好问题整改', '补报上期整改情况', '建立长效机制', '做好下期考评准备']);
    expect(data.title).toBe('关于2025年第三季度全市政务公开工作考评情况的通报');
    expect(meeting.ledger).toMatchObject({ open: 2, overdue: 2 });
  });

  it('refuses a period whose results are not published, and a liaison', async () => {
    const { org } = await publishTwoQuarters({ publishQ3: false });
    const admin = callerFor(handle, org.users.admin);
    await expect(admin.bulletin.get({ period: '2025Q3' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '2025Q3 的测评结果尚未发布,不能生成通报',
    });
    await expect(admin.bulletin.get({ period: '2025Q4' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(admin.bulletin.exportDocx({ period: '2025Q3' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await admin.bulletin.periods()).map((p) => p.period)).toEqual(['2025Q2']);
    const liaison = callerFor(handle, org.users.liaison);
    await expect(liaison.bulletin.get({ period: '2025Q2' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(liaison.bulletin.periods()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The first quarter has no previous one to follow up.
    expect((await admin.bulletin.get({ period: '2025Q2' })).figures.rectification).toBeNull();
  });

  it('saves the office wording over the loaded version, refuses a stale one, and audits it', async () => {
    const { org } = await publishTwoQuarters({ publishQ3: true });
    const admin = callerFor(handle, org.users.admin);
    const loaded = await admin.bulletin.get({ period: '2025Q3' });
    expect(loaded.draft).toBeNull();
    const content = {
      ...loaded.content,
      documentNumber: '江政公办〔2025〕9号',
      basis: loaded.data.wording.basis,
      overallComment: '全市政务公开工作稳中有进。',
      requirements: [{ heading: '抓好问题整改', text: '逐项整改。', dueDate: '2025-11-14' }],
    };
    expect(await admin.bulletin.save({ period: '2025Q3', version: 0, content })).toMatchObject({ version: 1, updatedByName: '测试admin' });
    await expect(admin.bulletin.save({ period: '2025Q3', version: 0, content })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '通报已被他人修改,请刷新后重试',
    });
    expect((await admin.bulletin.save({ period: '2025Q3', version: 1, content: { ...content, closing: '特此通报。' } })).version).toBe(2);
    await expect(admin.bulletin.save({ period: '2025Q3', version: 1, content })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(callerFor(handle, org.users.assessor).bulletin.save({ period: '2025Q3', version: 2, content })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const saved = await callerFor(handle, org.users.leader).bulletin.get({ period: '2025Q3' });
    expect(saved.draft).toMatchObject({ version: 2 });
    expect(saved.data).toMatchObject({
      documentNumber: '江政公办〔2025〕9号',
      requirements: [{ heading: '抓好问题整改', dueDate: '2025-11-14' }],
    });
    expect(saved.data.wording).toMatchObject({ overallComment: '全市政务公开工作稳中有进。', closing: '特此通报。' });
    // The unchanged default paragraph is stored blank: it keeps following the figures.
    expect(saved.content.basis).toBe('');
    expect(saved.data.wording.basis).toBe(loaded.data.wording.basis);
    // The header carries over to another period's first draft.
    expect((await admin.bulletin.get({ period: '2025Q2' })).content.officeName).toBe(content.officeName);

    const entries = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'bulletin.save').orderBy('id').execute();
    expect(entries.map((e) => [e.entity, e.entity_id, e.actor_name])).toEqual([
      ['bulletin', '2025Q3', '测试admin'],
      ['bulletin', '2025Q3', '测试admin'],
    ]);
    expect(JSON.parse(entries[1]?.after_json ?? '{}')).toMatchObject({ closing: '特此通报。', version: 2 });
    expect(JSON.parse(entries[1]?.before_json ?? '{}')).toMatchObject({ version: 1 });
  });

  it('counts requirement deadlines from the 成文日期 and refuses a .docx whose deadline is not after it (issue #15 §8)', async () => {
    const { org } = await publishTwoQuarters({ publishQ3: true });
    // Monday 2026-12-07, 10:00 in China.
    const admin = callerFor(handle, org.users.admin, { now: () => new Date('2026-12-07T02:00:00.000Z') });
    const loaded = await admin.bulletin.get({ period: '2025Q3' });
    expect(loaded.content.issueDate).toBe('2026-12-07');
    // Ten and five working days after the 成文日期; the next snapshot is the end of the quarter to come.
    expect(loaded.content.requirements.map((r) => [r.heading, r.workingDays, r.dueDate])).toEqual([
      ['抓好问题整改', 10, '2026-12-21'],
      ['补报上期整改情况', 5, '2026-12-14'],
      ['建立长效机制', null, null],
      ['做好下期考评准备', null, '2026-12-31'],
    ]);
    expect(loaded.dueDateProblems).toEqual([]);

    // The office moves the 成文日期: working-day deadlines follow, whatever date the browser sent.
    const [rectify, followUp, lasting, next] = loaded.content.requirements;
    if (!rectify || !followUp || !lasting || !next) throw new Error('four default requirements expected');
    await admin.bulletin.save({
      period: '2025Q3',
      version: 0,
      content: {
        ...loaded.content,
        issueDate: '2026-12-14',
        requirements: [{ ...rectify, dueDate: '2026-11-06' }, followUp, lasting, next],
      },
    });
    const moved = await admin.bulletin.get({ period: '2025Q3' });
    expect(moved.data.requirements.map((r) => r.dueDate)).toEqual(['2026-12-28', '2026-12-21', null, '2026-12-31']);
    expect((await admin.bulletin.exportDocx({ period: '2025Q3' })).fileName).toMatch(/\.docx$/);

    // A date the office typed, before the 成文日期: flagged, and the .docx is refused in words.
    await admin.bulletin.save({
      period: '2025Q3',
      version: 1,
      content: { ...moved.content, requirements: [{ ...rectify, workingDays: null, dueDate: '2026-11-06' }, lasting] },
    });
    const flagged = await admin.bulletin.get({ period: '2025Q3' });
    expect(flagged.dueDateProblems).toEqual([{ index: 0, heading: '抓好问题整改', dueDate: '2026-11-06', kind: 'notAfterIssueDate' }]);
    await expect(admin.bulletin.exportDocx({ period: '2025Q3' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '工作要求的完成时限有误,请在通报中修改后再导出:第1条「抓好问题整改」的完成时限2026年11月6日不晚于成文日期2026年12月14日。',
    });
    // The rankings workbook prints no deadline: it still downloads.
    expect((await admin.bulletin.exportXlsx({ period: '2025Q3' })).fileName).toMatch(/\.xlsx$/);
  });

  it('builds the .docx and the rankings .xlsx as zip files', async () => {
    const { org } = await publishTwoQuarters({ publishQ3: true });
    const leader = callerFor(handle, org.users.leader);
    const docx = await leader.bulletin.exportDocx({ period: '2025Q3' });
    expect(docx.fileName).toMatch(/2025年第三季度.*通报\.docx$/);
    expect(Buffer.from(docx.contentBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    const xlsx = await leader.bulletin.exportXlsx({ period: '2025Q3' });
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
