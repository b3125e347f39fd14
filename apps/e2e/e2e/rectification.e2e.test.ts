import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkCalendar } from '@kaoping/domain/calendar/work-calendar';
import { issueRectificationItem } from '@kaoping/domain/rectification/rectification-machine';
import { insertEvent, insertItem, nextItemCode } from '@kaoping/db/rectification/rectification.repository';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

let env: E2eEnv;
let a01: number;
beforeAll(async () => {
  env = await startE2e();
  a01 = Number((await env.database.db.selectFrom('units').select('id').where('code', '=', 'A01').executeTakeFirstOrThrow()).id);
  // An item issued long ago and never answered: overdue whatever day the test runs.
  const admin = await env.database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const issued = issueRectificationItem(
    {
      id: 0,
      code: 'ZG-2026-900',
      input: {
        unitId: a01,
        period: '2026Q1',
        title: '【逾期示例】依申请公开答复超期未整改',
        requirement: '请于时限内报送',
        due: { kind: 'working_days', days: 10 },
      },
    },
    { userId: Number(admin.id), role: 'admin', unitId: null },
    '2026-04-10T02:00:00.000Z',
    createWorkCalendar([]),
  );
  if (!issued.ok) throw new Error('could not issue the overdue example');
  const id = await insertItem(env.database.db, issued.item, {
    severity: 'serious',
    responsiblePerson: '',
    responsibleLeader: '',
    source: 'manual',
  });
  await insertEvent(env.database.db, { ...issued.event, itemId: id }, '市政务公开办');
});

/** An open item of A01 due inside the demo's draft quarter: its 按期整改 leaf must lose points. */
async function issueLateItemInDraftRound(): Promise<{ roundId: number; code: string }> {
  const round = await env.database.db
    .selectFrom('assessment_rounds')
    .select(['id', 'period_code'])
    .where('status', '=', 'draft')
    .where('kind', '!=', 'self')
    .orderBy('period_code', 'desc')
    .executeTakeFirstOrThrow();
  const start = `${round.period_code.slice(0, 4)}-${String((Number(round.period_code.slice(5)) - 1) * 3 + 1).padStart(2, '0')}-02T02:00:00.000Z`;
  const admin = await env.database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const issued = issueRectificationItem(
    {
      id: 0,
      code: await nextItemCode(env.database.db, 2026),
      input: {
        unitId: a01,
        period: round.period_code,
        title: '【扣分示例】网站首页动态信息未及时更新',
        due: { kind: 'working_days', days: 5 },
      },
    },
    { userId: Number(admin.id), role: 'admin', unitId: null },
    start,
    createWorkCalendar([]),
  );
  if (!issued.ok) throw new Error('could not issue the late example');
  const id = await insertItem(env.database.db, issued.item, {
    severity: 'normal',
    responsiblePerson: '',
    responsibleLeader: '',
    source: 'manual',
  });
  await insertEvent(env.database.db, { ...issued.event, itemId: id }, '市政务公开办');
  return { roundId: Number(round.id), code: issued.item.code };
}
afterAll(() => env.close());

describe('the rectification ledger', () => {
  it('office issues, liaison acknowledges and reports with evidence, office returns then closes; overdue shows in ledger and notifications', async () => {
    const office = await newPage(env);
    await signIn(env, office, 'admin');
    await office.goto(`${env.baseUrl}/rectification`);
    await office.getByTestId('ledger-table').waitFor();
    await office.getByTestId('open-issue').click();
    await office.getByTestId('issue-unit').click();
    await office.keyboard.type('A01 江临市临江区');
    await office.keyboard.press('Enter');
    await office.getByTestId('issue-title').fill('【测试】政策解读与文件未一一对应');
    await office.getByTestId('due-preview').waitFor();
    await expect(office.getByTestId('due-preview').textContent()).resolves.toContain('按国家法定节假日及调休计算');
    await screenshot(office, 'rect-01-issue-dialog');
    await office.getByRole('button', { name: /确\s?定|OK/ }).click();
    await office.getByText('【测试】政策解读与文件未一一对应').waitFor();

    const unit = await newPage(env);
    await signIn(env, unit, 'liaison');
    await unit.getByTestId('notification-bell').click();
    await unit.getByTestId('notification-list').getByText('新的整改任务', { exact: false }).first().waitFor();
    await expect(unit.getByTestId('notification-list').textContent()).resolves.toContain('整改已逾期');
    await screenshot(unit, 'rect-02-liaison-notifications');
    await unit.keyboard.press('Escape');
    await unit.goto(`${env.baseUrl}/rectification`);
    await unit.getByTestId('ledger-table').getByText('【测试】政策解读与文件未一一对应').click();
    await unit.getByRole('button', { name: '签收' }).click();
    await unit.getByRole('button', { name: '提交', exact: true }).click();
    await unit.getByRole('button', { name: '报送整改情况' }).click();
    await unit.getByLabel('整改措施').fill('已对照文件逐一补充政策解读');
    await unit.getByLabel('完成情况').fill('12份文件均已配发解读');
    const dir = mkdtempSync(join(tmpdir(), 'kp-evidence-'));
    const pdf = join(dir, '整改佐证.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    await unit.locator('.ant-modal input[type="file"]').setInputFiles(pdf);
    await unit.getByTestId('evidence-item').waitFor();
    const bad = join(dir, 'virus.exe');
    writeFileSync(bad, 'MZ not allowed');
    await unit.locator('.ant-modal input[type="file"]').setInputFiles(bad);
    await expect(unit.getByTestId('upload-error').textContent()).resolves.toContain('只能上传');
    await screenshot(unit, 'rect-03-liaison-submit');
    await unit.getByRole('button', { name: '提交', exact: true }).click();
    await unit.locator('.ant-drawer').getByText('已报送').waitFor();

    await office.goto(`${env.baseUrl}/rectification`);
    await office.getByTestId('ledger-table').getByText('【测试】政策解读与文件未一一对应').click();
    await office.getByRole('button', { name: '复核不通过(退回)' }).click();
    await office.getByLabel('理由').fill('解读材料未上传至对应文件页面');
    await office.getByRole('button', { name: '提交', exact: true }).click();
    await office.locator('.ant-drawer').getByText('已退回').first().waitFor();
    await screenshot(office, 'rect-04-office-returned');

    await unit.goto(`${env.baseUrl}/rectification`);
    await unit.getByTestId('ledger-table').getByText('【测试】政策解读与文件未一一对应').click();
    await unit.locator('.ant-drawer').getByText('解读材料未上传至对应文件页面').first().waitFor();
    await unit.getByRole('button', { name: '报送整改情况' }).click();
    await unit.getByLabel('整改措施').fill('解读已上传至对应页面');
    await unit.getByLabel('完成情况').fill('已完成');
    await unit.getByTestId('evidence-url').fill('http://www.jiangling.gov.cn/zcjd/');
    await unit.getByTestId('evidence-add-url').click();
    await unit.getByRole('button', { name: '提交', exact: true }).click();
    await unit.locator('.ant-drawer').getByText('已报送').waitFor();

    await office.goto(`${env.baseUrl}/rectification`);
    await office.getByTestId('ledger-table').getByText('【测试】政策解读与文件未一一对应').click();
    await office.getByRole('button', { name: '复核通过并销号' }).click();
    await office.getByRole('button', { name: '提交', exact: true }).click();
    await office.locator('.ant-drawer').getByText('已销号').first().waitFor();
    await screenshot(office, 'rect-05-office-closed');
    await office.keyboard.press('Escape');

    await office.goto(`${env.baseUrl}/rectification`);
    await office.getByTestId('overdue-only').click();
    await expect(office.getByTestId('ledger-table').textContent()).resolves.toMatch(/逾期 \d+ 个工作日/);
    await screenshot(office, 'rect-06-ledger-overdue');
    // The unit sees its own overdue item in its ledger.
    await unit.goto(`${env.baseUrl}/rectification`);
    await unit.getByTestId('overdue-only').click();
    await unit.getByTestId('ledger-table').getByText('【逾期示例】依申请公开答复超期未整改').waitFor();
    await screenshot(unit, 'rect-06b-liaison-overdue');
  });

  it('orders rectification for a whole published round from its page', async () => {
    const round = await env.database.db
      .selectFrom('assessment_rounds')
      .select('id')
      .where('status', '=', 'published')
      .where('kind', '!=', 'self')
      .orderBy('period_code', 'desc')
      .executeTakeFirstOrThrow();
    const before = (await env.database.db.selectFrom('rectification_items').select('id').execute()).length;
    const office = await newPage(env);
    await signIn(env, office, 'admin');
    await office.goto(`${env.baseUrl}/assessment/rounds/${round.id}`);
    await office.getByTestId('issue-round').click();
    await screenshot(office, 'rect-00-issue-round');
    await office
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await office.waitForURL(/\/rectification$/);
    await office.getByTestId('ledger-table').waitFor();
    const after = (await env.database.db.selectFrom('rectification_items').select('id').execute()).length;
    expect(after).toBeGreaterThan(before);
  });

  it("counts a late item against the unit's 按期整改 indicator on its score sheet", async () => {
    const { roundId, code } = await issueLateItemInDraftRound();
    const office = await newPage(env);
    await signIn(env, office, 'admin');
    await office.goto(`${env.baseUrl}/assessment/rounds/${roundId}/units/${a01}`);
    await office.getByText(code, { exact: false }).first().waitFor();
    await expect(office.locator('body').textContent()).resolves.toMatch(new RegExp(`${code}[^;]*`));
    await screenshot(office, 'rect-07-score-sheet-deduction');
  });
});
