import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { callerFor, seedMinimalOrg } from '../testing/test-context';

// 2025-09-29 10:00 in Beijing: the day before the National Day + Mid-Autumn holiday block.
const ISSUED_AT = new Date('2025-09-29T02:00:00.000Z');
const at = (iso: string) => () => new Date(iso);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

describe.each(testDatabases)('rectification router on $name', (factory) => {
  let handle: DatabaseHandle;
  let org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    org = await seedMinimalOrg(handle);
  });
  afterEach(() => handle.destroy());

  const admin = (now = at(ISSUED_AT.toISOString())) => callerFor(handle, org.users.admin, { now });
  const liaison = (now = at(ISSUED_AT.toISOString())) => callerFor(handle, org.users.liaison, { now });
  const issue = (days = 3) =>
    admin().rectification.issue({
      unitId: org.own.id,
      period: '2025Q3',
      title: '政策文件栏目六个月未更新',
      requirement: '逐项补充公开',
      due: { kind: 'working_days', days },
      severity: 'serious',
    });

  it('issues an item whose working-day deadline skips the National Day block and counts the 调休 Saturday', async () => {
    const item = await issue(3);
    // Working days after 09-29: 09-30, (10-01..10-08 off), 10-09, 10-10 → due 2025-10-10.
    expect(item).toMatchObject({ code: 'ZG-2025-001', status: 'issued', dueDate: '2025-10-10', version: 1, isOverdue: false });
    const eleven = await admin().rectification.issue({
      unitId: org.own.id,
      period: '2025Q3',
      title: '另一问题',
      due: { kind: 'working_days', days: 4 },
    });
    // 10-11 is a make-up Saturday (调休): it is the 4th working day.
    expect(eleven).toMatchObject({ code: 'ZG-2025-002', dueDate: '2025-10-11' });
  });

  it('runs the lifecycle: acknowledge, submit with an uploaded file, return, resubmit, close — with history and notifications', async () => {
    const item = await issue();
    const unitNotices = await liaison().notifications.list({});
    expect(unitNotices.items[0]?.title).toContain('新的整改任务');
    // Kind and values beside the Chinese text: the dashboard words it in either language.
    expect(unitNotices.items[0]).toMatchObject({ kind: 'issued', values: { code: item.code, title: item.title, dueDate: item.dueDate } });

    const l = liaison(at('2025-09-30T01:00:00.000Z'));
    let current = await l.rectification.transition({ itemId: item.id, version: 1, action: { type: 'acknowledge', note: null } });
    const file = await l.rectification.uploadEvidence({ itemId: item.id, fileName: '整改报告.pdf', contentBase64: PDF.toString('base64') });
    current = await l.rectification.transition({
      itemId: item.id,
      version: current.version,
      action: {
        type: 'submit',
        measures: '已补充公开文件12件',
        completionNote: '已完成',
        evidence: [{ label: file.fileName, url: file.url }],
      },
    });
    expect(current.status).toBe('submitted');
    expect((await admin().notifications.list({})).items[0]?.title).toContain('已报送');
    expect((await admin().notifications.list({})).items[0]?.values).toMatchObject({
      code: item.code,
      unitName: org.own.name,
      explanation: false,
    });

    const a = admin(at('2025-10-09T02:00:00.000Z'));
    current = await a.rectification.transition({
      itemId: item.id,
      version: current.version,
      action: { type: 'recheck_fail', reason: '仍有3件未公开' },
    });
    expect(current).toMatchObject({ status: 'returned', returnReason: '仍有3件未公开', recheckFailCount: 1 });
    current = await l.rectification.transition({
      itemId: item.id,
      version: current.version,
      action: {
        type: 'submit',
        measures: '全部补齐',
        completionNote: '已完成',
        evidence: [{ label: '栏目', url: 'http://example.gov.cn/zc' }],
      },
    });
    current = await a.rectification.transition({ itemId: item.id, version: current.version, action: { type: 'recheck_pass', note: null } });
    expect(current).toMatchObject({ status: 'closed', closedOn: '2025-10-09', closedOnTime: true });

    const detail = await a.rectification.get({ id: item.id });
    expect(detail.events.map((e) => e.action)).toEqual(['issue', 'acknowledge', 'submit', 'recheck_fail', 'submit', 'recheck_pass']);
    expect(detail.files).toHaveLength(1);
    const audit = await handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'rectification').execute();
    expect(audit.map((x) => x.action)).toContain('rectification.recheck_fail');
  });

  it('evidence is required per order: the office decides when issuing', async () => {
    const required = await issue();
    const optional = await admin().rectification.issue({
      unitId: org.own.id,
      period: '2025Q3',
      title: '栏目名称不规范',
      due: { kind: 'working_days', days: 3 },
      evidenceRequired: false,
    });
    expect([required.evidenceRequired, optional.evidenceRequired]).toEqual([true, false]);
    const l = liaison(at('2025-09-30T01:00:00.000Z'));
    const fix = { type: 'submit' as const, measures: '已整改', completionNote: '已完成', evidence: [] };
    const a1 = await l.rectification.transition({ itemId: required.id, version: 1, action: { type: 'acknowledge', note: null } });
    await expect(l.rectification.transition({ itemId: required.id, version: a1.version, action: fix })).rejects.toThrow(/佐证材料/);
    expect((await l.rectification.get({ id: required.id })).item.status).toBe('acknowledged');
    const a2 = await l.rectification.transition({ itemId: optional.id, version: 1, action: { type: 'acknowledge', note: null } });
    await expect(l.rectification.transition({ itemId: optional.id, version: a2.version, action: fix })).resolves.toMatchObject({
      status: 'submitted',
    });
  });

  it('finds a unit’s items by name, code or pinyin initials, and counts overdue in working days', async () => {
    const item = await issue(3); // due 2025-10-10
    const later = admin(at('2025-10-14T02:00:00.000Z')); // Tuesday after: 10-11 (调休 Saturday), 10-13, 10-14 → 3 working days, 4 calendar days
    const unit = org.own;
    for (const q of [unit.name.slice(0, 3), unit.code.toLowerCase(), 'ljq'])
      expect((await later.rectification.ledger({ unitQuery: q })).rows.map((r) => r.id)).toEqual([item.id]);
    expect((await later.rectification.ledger({ unitQuery: 'zzzzqqq' })).rows).toEqual([]);
    const row = (await later.rectification.ledger({})).rows[0];
    expect(row).toMatchObject({ isOverdue: true, workingDaysOverdue: 3, daysOverdue: 4 });
  });

  it('refuses a stale version with a conflict message and changes nothing', async () => {
    const item = await issue();
    await liaison().rectification.transition({ itemId: item.id, version: 1, action: { type: 'acknowledge', note: null } });
    await expect(
      liaison().rectification.transition({ itemId: item.id, version: 1, action: { type: 'acknowledge', note: null } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '该整改任务已被他人处理,请刷新后重试' });
    expect((await admin().rectification.get({ id: item.id })).events).toHaveLength(2);
  });

  it('refuses illegal transitions and other units, in Chinese', async () => {
    const item = await issue();
    await expect(
      admin().rectification.transition({ itemId: item.id, version: 1, action: { type: 'recheck_pass', note: null } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      admin().rectification.transition({ itemId: item.id, version: 1, action: { type: 'acknowledge', note: null } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await admin().rectification.issue({
      unitId: org.other.id,
      period: '2025Q3',
      title: '东湖区的问题',
      due: { kind: 'date', date: '2025-10-31' },
    });
    await expect(liaison().rectification.get({ id: other.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '无权查看其他单位的数据',
    });
    await expect(
      liaison().rectification.transition({ itemId: other.id, version: 1, action: { type: 'acknowledge', note: null } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await liaison().rectification.ledger({})).rows.map((r) => r.code)).toEqual([item.code]);
  });

  it('guards evidence: type and size limits, and another unit cannot fetch a file', async () => {
    const item = await issue();
    await expect(
      liaison().rectification.uploadEvidence({
        itemId: item.id,
        fileName: 'a.exe',
        contentBase64: Buffer.from('MZ\x90\x00').toString('base64'),
      }),
    ).rejects.toMatchObject({ message: '只能上传 PDF、PNG、JPG、Word(.docx)或 Excel(.xlsx)文件' });
    await expect(
      liaison().rectification.uploadEvidence({
        itemId: item.id,
        fileName: 'big.pdf',
        contentBase64: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]).toString('base64'),
      }),
    ).rejects.toThrow(/文件超过 5 MB/);
    const file = await liaison().rectification.uploadEvidence({
      itemId: item.id,
      fileName: 'ok.pdf',
      contentBase64: PDF.toString('base64'),
    });
    expect(Buffer.from((await liaison().rectification.downloadEvidence({ fileId: file.id })).contentBase64, 'base64').equals(PDF)).toBe(
      true,
    );
    const otherLiaison = { ...org.users.liaison, id: org.users.liaison.id, unitId: org.other.id };
    await expect(callerFor(handle, otherLiaison).rectification.downloadEvidence({ fileId: file.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await handle.db.selectFrom('rectification_files').select('id').execute()).toHaveLength(1);
  });

  it('derives overdue from today and catches up the overdue notice of a day nobody signed in, once', async () => {
    const item = await issue(3);
    const later = at('2025-10-14T02:00:00.000Z'); // Tuesday after the due date 10-10 (Friday)
    const ledger = await admin(later).rectification.ledger({ overdueOnly: true });
    expect(ledger.rows.map((r) => [r.code, r.isOverdue, r.daysOverdue])).toEqual([[item.code, true, 4]]);
    // Not stored: the row itself has no overdue column.
    const row = await handle.db.selectFrom('rectification_items').selectAll().executeTakeFirstOrThrow();
    expect(Object.keys(row)).not.toContain('is_overdue');
    // Due Friday 10-10; the first overdue notice belongs to Saturday 10-11 (a 调休 working day) —
    // nobody opened Kaoping that day, so Monday's first look produces it.
    await liaison(at('2025-10-13T02:00:00.000Z')).notifications.list({});
    await liaison(at('2025-10-13T03:00:00.000Z')).notifications.list({});
    const notices = await liaison(at('2025-10-13T03:00:00.000Z')).notifications.list({});
    expect(notices.items.filter((n) => n.title.startsWith('整改已逾期'))).toHaveLength(1);
    expect(notices.items.find((n) => n.kind === 'overdue')?.values).toEqual({
      code: item.code,
      title: item.title,
      dueDate: '2025-10-10',
      workingDays: 1,
      unitName: org.own.name,
    });
    await liaison().notifications.markRead({ ids: 'all' });
    expect((await liaison(at('2025-10-13T03:00:00.000Z')).notifications.list({})).unread).toBe(0);
  });

  it('pages the ledger in ledger order with the count of matching items; filters (unit search, overdue) apply before paging; the export has every row', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const unitId = i % 2 === 0 ? org.own.id : org.other.id;
      const due = i < 3 ? { kind: 'date' as const, date: '2025-10-09' } : { kind: 'date' as const, date: '2025-12-31' };
      codes.push((await admin().rectification.issue({ unitId, period: '2025Q3', title: `问题${i}`, due })).code);
    }
    const a = admin(at('2025-10-14T02:00:00.000Z'));
    const first = await a.rectification.ledger({ pageSize: 2 });
    expect([first.total, first.page, first.pageSize, first.rows.map((r) => r.code)]).toEqual([5, 1, 2, codes.slice(0, 2)]);
    const last = await a.rectification.ledger({ pageSize: 2, page: 3 });
    expect([last.total, last.rows.map((r) => r.code)]).toEqual([5, codes.slice(4)]);
    const past = await a.rectification.ledger({ pageSize: 2, page: 9 });
    expect([past.total, past.rows]).toEqual([5, []]);
    // Overdue: items 0..2 (due 10-09); of these, A01 (临江区, 「ljq」) has items 0 and 2.
    const overdue = await a.rectification.ledger({ overdueOnly: true, unitQuery: 'ljq', pageSize: 1 });
    expect([overdue.total, overdue.rows.map((r) => [r.code, r.isOverdue])]).toEqual([2, [[codes[0], true]]]);
    expect((await a.rectification.ledger({ overdueOnly: true })).total).toBe(3);
    // A closed item is not overdue, whatever its due date.
    await a.rectification.transition({ itemId: first.rows[0]!.id, version: 1, action: { type: 'cancel', reason: '问题已撤回' } });
    expect((await a.rectification.ledger({ overdueOnly: true })).rows.map((r) => r.code)).toEqual([codes[1], codes[2]]);
    // The liaison's count is their own unit's items only.
    expect((await liaison(at('2025-10-14T02:00:00.000Z')).rectification.ledger({ pageSize: 1 })).total).toBe(3);
    await expect(a.rectification.ledger({ pageSize: 500 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const exported = await a.rectification.exportXlsx({});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
    const exportedCodes = (workbook.getWorksheet('整改台账')?.getColumn(2).values ?? []).filter((v) => codes.includes(String(v)));
    expect(exportedCodes).toEqual(codes);
  });

  it('carries open items over when the period is locked', async () => {
    const open = await issue();
    const closed = await admin().rectification.issue({
      unitId: org.own.id,
      period: '2025Q3',
      title: '已撤销的问题',
      due: { kind: 'date', date: '2025-10-31' },
    });
    await admin().rectification.transition({ itemId: closed.id, version: 1, action: { type: 'cancel', reason: '问题已撤回' } });
    await admin().periods.create({ code: '2025Q3' });
    await admin().periods.setStatus({ code: '2025Q3', status: 'closed' });
    await admin().periods.setStatus({ code: '2025Q3', status: 'locked' });
    const rows = (await admin().rectification.ledger({ period: '2025Q4' })).rows;
    expect(rows.map((r) => [r.code, r.carriedInto])).toEqual([[open.code, '2025Q4']]);
  });

  it('exports the ledger as .xlsx with the published columns, and computes the figures', async () => {
    await issue();
    const exported = await admin().rectification.exportXlsx({});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('整改台账')?.getCell('D3').value).toBe('政策文件栏目六个月未更新');
    const figures = await admin(at('2025-10-14T02:00:00.000Z')).rectification.figures({});
    expect(figures.overall).toMatchObject({ total: 1, open: 1, overdue: 1 });
    expect(figures.byUnit[0]).toMatchObject({ code: 'A01', figures: { overdue: 1 } });
  });

  it('records where an order came from: a failed annual-report rule, or by hand', async () => {
    const fromReport = await admin().rectification.issue({
      unitId: org.own.id,
      period: '2025',
      title: '年度报告数据不一致:本年新收 14 + 上年结转 0 ≠ 办理结果总计 13 + 结转下年度 0,差 1',
      due: { kind: 'working_days', days: 10 },
      source: 'report_rule',
    });
    const byHand = await issue();
    expect([fromReport.source, byHand.source]).toEqual(['report_rule', 'manual']);
  });

  it('lets the office edit the working-day calendar, which changes the next deadlines', async () => {
    await admin().calendar.upsert({ date: '2025-09-30', kind: 'holiday', name: '临时调整' });
    const item = await issue(1);
    expect(item.dueDate).toBe('2025-10-09');
    expect((await liaison().calendar.overrides()).overrides).toEqual([{ date: '2025-09-30', kind: 'holiday', name: '临时调整' }]);
  });
});
