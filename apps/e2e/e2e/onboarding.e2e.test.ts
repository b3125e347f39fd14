// An office's first day, from an EMPTY database (KAOPING_SEED_DEMO=0) to its first quarterly round,
// all in the browser after the first admin is created as the README says: the sign-in page lists
// no demo accounts; the admin changes the one-time password, confirms the office's details
// (设置 › 机构信息), creates the year's groups and the quarter, imports 150 units from an .xlsx,
// bulk-creates their liaison accounts (the downloaded .xlsx holds 150 one-time passwords),
// imports its complete 100-point 考核细则 from .xlsx, maps the document's groups onto the city's in the
// import dialog and confirms it, and opens the quarter's round; the first-run checklist ticks each
// step. An assessor enters a score in the new round; a liaison signs in with the password from the
// sheet, changes it and lands on their own unit.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '@kaoping/api/auth/login-rate-limiter';
import { readAccountsWorkbook } from '@kaoping/api/testing/read-accounts-workbook';
import { writeTableWorkbook } from '@kaoping/api/testing/write-table-workbook';
import { createUserAccount } from '@kaoping/api/users/user.service';
import { listAssessedUnits } from '@kaoping/db/assessment/round-inputs.repository';
import { parsePeriod } from '@kaoping/domain/period/period';
import { FULL_SCHEME_LEAVES, FULL_SCHEME_TITLE, fullSchemeWorkbook } from './full-scheme-workbook';
import { screenshot, startE2e, type E2eEnv } from './harness';

const YEAR = new Date().getUTCFullYear();
// The quarter in progress (China time is at most a day ahead; the round is for this year's scheme).
const QUARTER = `${YEAR}Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;
const ADMIN_PASSWORD = 'Yunxi 公开办 首日-kp 2026';
const LIAISON_PASSWORD = 'Baisha 镇 联络 8315 stream';
const OFFICE = { name: '云溪市人民政府办公室(市政务公开办)', shortName: '云溪市政务公开办', region: '云溪市' };
const GROUPS = [
  { code: 'XQ', name: '县区', sortOrder: 1 },
  { code: 'SZ', name: '市直部门', sortOrder: 2 },
  { code: 'XZ', name: '乡镇', sortOrder: 3 },
] as const;
const ASSESSOR_PASSWORD = 'Kaoping 测评 组长-07 river';

const COUNTIES = ['城关区', '江北区', '青山区', '白沙县', '石门县', '桃源县', '安平县', '龙泉县', '清河县', '平阳县', '双溪县', '凤鸣县'];
const DEPARTMENTS = [
  '发展和改革委员会',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化广电旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '国有资产监督管理委员会',
  '市场监督管理局',
  '体育局',
  '统计局',
  '医疗保障局',
  '林业局',
  '城市管理局',
  '行政审批服务局',
  '数据局',
  '信访局',
  '机关事务管理局',
  '人民防空办公室',
  '粮食和物资储备局',
  '地方金融管理局',
  '乡村振兴局',
  '民族宗教事务局',
  '档案馆',
  '住房公积金管理中心',
  '税务局',
  '气象局',
  '消防救援支队',
  '供销合作社',
  '残疾人联合会',
  '红十字会',
  '公共资源交易中心',
  '不动产登记中心',
  '社会保险事业管理中心',
];
const TOWN_STEMS = [
  '东关',
  '西河',
  '南岭',
  '北塘',
  '柳林',
  '杏花',
  '石桥',
  '马场',
  '青龙',
  '白马',
  '黄土',
  '梅溪',
  '竹园',
  '桂花',
  '松林',
  '大坪',
  '小河',
  '高桥',
  '长岗',
  '新田',
  '铁炉',
  '金鸡',
  '银山',
  '上坊',
  '下湾',
  '三河',
  '五里',
  '七星',
  '九龙',
  '十里',
];

/** 云溪市: 12 counties (县区), 48 city departments (市直部门), 90 townships and streets (乡镇) under the counties. */
function cityUnits(): string[][] {
  const rows: string[][] = [['code', 'name', 'group', 'kind', 'parent', 'tags']];
  COUNTIES.forEach((c, i) => rows.push([`Q${String(i + 1).padStart(2, '0')}`, `云溪市${c}人民政府`, 'XQ', 'county_gov', '', '']));
  DEPARTMENTS.forEach((d, i) =>
    rows.push([`D${String(i + 1).padStart(2, '0')}`, `云溪市${d}`, 'SZ', 'city_dept', '', i < 16 ? '重点领域' : '']),
  );
  let town = 0;
  COUNTIES.forEach((county, c) => {
    const count = c < 6 ? 8 : 7; // 6 × 8 + 6 × 7 = 90
    for (let i = 0; i < count; i++) {
      town++;
      const street = county.endsWith('区') && i < 3;
      const stem = TOWN_STEMS[(c * 7 + i) % TOWN_STEMS.length] ?? '';
      rows.push([
        `T${String(town).padStart(3, '0')}`,
        `${county}${stem}${street ? '街道办事处' : '镇人民政府'}`,
        'XZ',
        street ? 'street' : 'township',
        `Q${String(c + 1).padStart(2, '0')}`,
        '',
      ]);
    }
  });
  return rows;
}

let env: E2eEnv;
let adminOneTime = '';
let assessorOneTime = '';
beforeAll(async () => {
  env = await startE2e({ seedDemo: false });
}, 120_000);
afterAll(() => env.close());

async function page1366(language: 'zh' | 'en' = 'zh'): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript((lang) => localStorage.setItem('kaoping.language', lang), language);
  return context.newPage();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(env.baseUrl);
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登\s?录|Sign in)$/ }).click();
}

async function changePassword(page: Page, from: string, to: string): Promise<void> {
  await page.getByTestId('forced-change-password').waitFor();
  await page.getByTestId('current-password').fill(from);
  await page.getByTestId('new-password').fill(to);
  await page.getByTestId('confirm-password').fill(to);
  await page.getByTestId('change-password-submit').click();
  await page.getByTestId('current-user').waitFor();
}

async function settingsTab(page: Page, tab: string): Promise<void> {
  await page.goto(`${env.baseUrl}/settings?tab=${tab}`);
  await page.getByRole('tab', { selected: true }).waitFor();
}

const stepDone = (page: Page, step: string) => page.getByTestId(`setup-step-${step}`).getAttribute('data-done');

describe('an office starts on an empty database', () => {
  it('the sign-in page lists no demo accounts; the first admin is created as the README says', async () => {
    const page = await page1366();
    await page.goto(env.baseUrl);
    await page.getByTestId('no-admin').waitFor();
    expect(await page.getByTestId('demo-accounts').count()).toBe(0);
    expect(await page.getByTestId('login-office').count()).toBe(0);
    await screenshot(page, 'onboarding-01-sign-in-empty');

    // What `pnpm kaoping users create --role admin --name admin` does off a terminal: a one-time password.
    const cli = {
      db: env.database.db,
      dialect: env.database.dialect,
      user: null,
      sessionToken: null,
      clientIp: 'cli',
      cookies: { set: () => undefined, clear: () => undefined },
      loginLimiter: new LoginRateLimiter(),
      now: () => new Date(),
    };
    const created = await createUserAccount(
      cli,
      { username: 'admin', displayName: '周主任', role: 'admin', unitId: null, phone: null },
      {},
    );
    adminOneTime = created.oneTimePassword ?? '';
    expect(adminOneTime).not.toBe('');
    // The assessor who will score the first round (the accounts pages are e2e-tested on their own).
    const assessor = await createUserAccount(
      cli,
      { username: 'pingce', displayName: '李测评', role: 'assessor', unitId: null, phone: null },
      {},
    );
    assessorOneTime = assessor.oneTimePassword ?? '';
    await page.reload();
    await page.getByLabel('用户名').waitFor();
    expect(await page.getByTestId('no-admin').count()).toBe(0);
    expect(await page.getByTestId('demo-accounts').count()).toBe(0);
  });

  it('the admin changes the one-time password and sees the first-run checklist', { timeout: 60_000 }, async () => {
    const page = await page1366();
    await signIn(page, 'admin', adminOneTime);
    await changePassword(page, adminOneTime, ADMIN_PASSWORD);
    const checklist = page.getByTestId('setup-checklist');
    await checklist.waitFor();
    for (const step of ['office', 'groups', 'units', 'liaisons', 'scheme', 'round']) expect(await stepDone(page, step)).toBe('no');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'onboarding-02-overview-checklist');
  });

  it('every page opens on the empty database without an error (nothing assumes the demo city)', { timeout: 120_000 }, async () => {
    const page = await page1366();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(`${page.url()}: ${e.message}`));
    const pages = [
      '/rankings',
      '/rankings/trends',
      '/rankings/heat-map',
      '/analysis',
      '/reports',
      '/reports/review',
      '/assessment',
      '/assessment/schemes',
      '/rectification',
      '/rectification/board',
      '/site-check',
      '/units',
      '/bulletin',
      '/settings?tab=users',
    ];
    for (const path of pages) {
      await page.goto(`${env.baseUrl}${path}`);
      await page.getByTestId('current-user').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const errors = await page.locator('.ant-alert-error, .ant-result-error, .ant-message-error').allInnerTexts();
      if (errors.length > 0) failures.push(`${path}: ${errors.join(' | ')}`);
      await screenshot(page, `onboarding-empty${path.replace(/[/?=]+/g, '-')}`);
    }
    expect(failures).toEqual([]);
  });

  it('creates the office: 设置 › 机构信息', { timeout: 60_000 }, async () => {
    const page = await page1366();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await page.getByTestId('setup-go-office').click();
    await page.getByTestId('office-first-run').waitFor();
    await page.getByTestId('office-name').fill(OFFICE.name);
    await page.getByTestId('office-short-name').fill(OFFICE.shortName);
    await page.getByTestId('office-region').fill(OFFICE.region);
    await page.getByTestId('office-save').click();
    await page.getByTestId('office-set-up-at').waitFor();
    await expect.poll(() => stepDone(page, 'office')).toBe('yes');
    await screenshot(page, 'onboarding-03-office');
    const office = await env.database.db
      .selectFrom('offices')
      .select(['name', 'short_name', 'region_name', 'set_up_at'])
      .executeTakeFirstOrThrow();
    expect(office).toMatchObject({ name: OFFICE.name, short_name: OFFICE.shortName, region_name: OFFICE.region });
    expect(office.set_up_at).not.toBeNull();
    // The overview no longer shows the checklist; the sign-in page names the office.
    await page.goto(env.baseUrl);
    await page.getByText('尚无已发布的考评结果', { exact: false }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('setup-checklist').count()).toBe(0);

    // In English, the tab and the checklist speak English (only the office's own names stay Chinese).
    const english = await page1366('en');
    await signIn(english, 'admin', ADMIN_PASSWORD);
    await english.getByTestId('current-user').waitFor();
    await english.goto(`${env.baseUrl}/settings?tab=office`);
    await english.getByTestId('setup-checklist').waitFor();
    await expect(english.getByTestId('setup-checklist').innerText()).resolves.not.toMatch(/[\u4e00-\u9fff]/);
    const form = await english.getByTestId('office-details').innerText();
    expect(form.replace(OFFICE.name, '').replace(OFFICE.shortName, '').replace(OFFICE.region, '')).not.toMatch(/[\u4e00-\u9fff]/);
    await expect(english.getByTestId('office-save').isEnabled()).resolves.toBe(true);
    await screenshot(english, 'onboarding-03b-office-en');
  });

  it('creates the year’s groups and the quarter (设置 › 分组, 期次)', { timeout: 60_000 }, async () => {
    const page = await page1366();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await settingsTab(page, 'groups');
    for (const g of GROUPS) {
      await page.getByPlaceholder('分组编码').fill(g.code);
      await page.getByPlaceholder('分组名称').fill(g.name);
      await page.getByRole('spinbutton').first().fill(String(g.sortOrder));
      await page.getByRole('button', { name: '新增分组' }).click();
      await page.getByRole('cell', { name: g.name, exact: true }).waitFor();
    }
    await screenshot(page, 'onboarding-04-groups');
    await settingsTab(page, 'periods');
    await page.getByPlaceholder('2027Q1').fill(QUARTER);
    await page.getByRole('button', { name: '新增期次' }).click();
    await page.getByRole('cell', { name: QUARTER, exact: true }).waitFor();
    await screenshot(page, 'onboarding-05-period');
  });

  it('imports 150 units of 云溪市 from an .xlsx in the documented format', { timeout: 90_000 }, async () => {
    const rows = cityUnits();
    expect(rows).toHaveLength(151);
    const xlsx = await writeTableWorkbook('单位', rows);
    const page = await page1366();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${env.baseUrl}/units`);
    await page.setViewportSize({ width: 1366, height: 1200 }); // the dialog whole in the screenshot
    await page.getByTestId('open-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '云溪市单位名录.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx,
    });
    await page.getByTestId('import-check').click();
    await expect.poll(async () => page.getByTestId('import-result').textContent()).toContain('检查通过:将新增 150');
    await page.getByTestId('import-run').click();
    await expect.poll(async () => page.getByTestId('import-result').textContent()).toContain('导入完成:新增 150');
    await screenshot(page, 'onboarding-06-units-imported');
    await page.keyboard.press('Escape');
    await page.getByTestId('units-table').waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'onboarding-07-units-list');
    const groups = await env.database.db
      .selectFrom('unit_groups as ug')
      .innerJoin('groups as g', 'g.id', 'ug.group_id')
      .select(['g.code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('ug.year', '=', YEAR)
      .groupBy('g.code')
      .orderBy('g.code')
      .execute();
    expect(groups.map((g) => `${g.code}:${Number(g.n)}`)).toEqual(['SZ:48', 'XQ:12', 'XZ:90']);
  });

  let liaison = { username: '', password: '', unitName: '' };
  it('bulk-creates the liaisons’ accounts and downloads them as .xlsx', { timeout: 240_000 }, async () => {
    const page = await page1366();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await settingsTab(page, 'users');
    await page.getByTestId('users-panel').waitFor();
    await page.getByTestId('users-bulk').click();
    await page.getByTestId('bulk-run').waitFor();
    await page.waitForTimeout(400); // the dialog's opening animation
    await screenshot(page, 'onboarding-08-bulk-dialog');
    const download = page.waitForEvent('download', { timeout: 200_000 });
    await page.getByTestId('bulk-run').click();
    const file = await download;
    await page.getByTestId('bulk-result').waitFor();
    expect(await page.getByTestId('bulk-result').innerText()).toContain('已创建 150 个联络员账号');
    await screenshot(page, 'onboarding-09-bulk-created');
    const accounts = await readAccountsWorkbook(readFileSync((await file.path()) ?? ''));
    expect(accounts).toHaveLength(150);
    expect(new Set(accounts.map((a) => a.unitCode)).size).toBe(150);
    for (const a of accounts) expect(a.password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    const township = accounts.find((a) => a.unitCode === 'T025');
    expect(township?.unitName).toBe(cityUnits().find((r) => r[0] === 'T025')?.[1]);
    liaison = { username: township?.username ?? '', password: township?.password ?? '', unitName: township?.unitName ?? '' };
    await page.keyboard.press('Escape');
    await page.getByText('共 152 条').waitFor(); // the admin, the assessor and 150 liaisons
  });

  it(
    'imports the complete 考核细则 from .xlsx, maps its groups onto the city’s in the dialog and confirms it',
    { timeout: 120_000 },
    async () => {
      const page = await page1366();
      await signIn(page, 'admin', ADMIN_PASSWORD);
      await page.getByTestId('current-user').waitFor();
      await page.goto(`${env.baseUrl}/assessment/schemes`);
      await page.setViewportSize({ width: 1366, height: 1400 }); // the dialog whole in the screenshot
      await page.getByTestId('scheme-doc-import').click();
      await expect(page.getByTestId('scheme-doc-year').inputValue()).resolves.toBe(String(YEAR));
      await page.locator('.ant-modal input[type=file]').setInputFiles({
        name: `${FULL_SCHEME_TITLE}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await fullSchemeWorkbook(),
      });
      await page.getByTestId('scheme-doc-proposed').waitFor();
      expect(await page.getByTestId('scheme-doc-proposed').innerText()).toContain(`共 ${FULL_SCHEME_LEAVES} 个末级指标`);

      // One table is one group (ALL): the mapping step offers the year's three groups and "all groups",
      // pre-selected for ALL; the office confirms the choice in the select.
      const mapping = page.getByTestId('scheme-doc-groups');
      await expect(mapping.innerText()).resolves.toContain('ALL 全部参评单位');
      const select = page.getByTestId('scheme-doc-group-ALL');
      await expect(select.innerText()).resolves.toContain('全部分组');
      await select.click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      expect(await options.allInnerTexts()).toEqual(['全部分组', 'XQ 县区', 'SZ 市直部门', 'XZ 乡镇']);
      await page.waitForTimeout(300); // the dropdown's opening animation
      await options.filter({ hasText: '全部分组' }).click();
      await expect(select.innerText()).resolves.toContain('全部分组');
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      expect(await page.getByTestId('scheme-doc-unmapped').count()).toBe(0);
      await mapping.scrollIntoViewIfNeeded();
      await screenshot(page, 'onboarding-10-scheme-mapping');

      await page.getByTestId('scheme-doc-confirm').click();
      await page.getByTestId('scheme-doc-saved').waitFor();
      await screenshot(page, 'onboarding-11-scheme-confirmed-dialog');
      const stored = await env.database.db
        .selectFrom('schemes')
        .select(['id', 'scheme_json'])
        .where('year', '=', YEAR)
        .executeTakeFirstOrThrow();
      const scheme = JSON.parse(stored.scheme_json) as {
        groups: { code: string; name: string }[];
        indicators: { points: number; appliesTo?: unknown; children: { code: string; rule: { kind: string } }[] }[];
      };
      expect(scheme.groups).toEqual(GROUPS.map(({ code, name }) => ({ code, name })));
      expect(scheme.indicators.reduce((sum, n) => sum + n.points, 0)).toBe(100);
      expect(scheme.indicators.every((n) => n.appliesTo === undefined)).toBe(true);
      expect(scheme.indicators.flatMap((n) => n.children.map((c) => `${c.code} ${c.rule.kind}`))).toEqual([
        '1.1 deduct',
        '1.2 deduct',
        '1.3 binary',
        '1.4 binary',
        '2.1 rate',
        '2.2 deduct',
        '3.1 deduct',
        '3.2 binary',
        '3.3 manual',
        '4.1 manual',
        '4.2 binary',
        '4.3 rectification',
      ]);

      // The confirmed scheme on the page: its tree, rules and the city's groups.
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 1366, height: 1100 });
      const view = page.getByTestId('scheme-tree');
      await view.getByText('4.3 问题整改').waitFor();
      await page.getByText('XQ 县区;SZ 市直部门;XZ 乡镇').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'onboarding-12-scheme-confirmed');
    },
  );

  it('opens the quarter’s round: the round holds the 150 units and the scheme', { timeout: 90_000 }, async () => {
    const page = await page1366();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${env.baseUrl}/assessment`);
    await page.getByRole('button', { name: '开启本季度测评' }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await screenshot(page, 'onboarding-13-open-round');
    await dialog.getByRole('button', { name: /^(确\s?定|OK)$/ }).click();
    await page.getByTestId(`round-${QUARTER}`).waitFor();
    await screenshot(page, 'onboarding-14-rounds');

    const round = await env.database.db
      .selectFrom('assessment_rounds')
      .select(['id', 'scheme_id', 'period_code', 'status'])
      .where('period_code', '=', QUARTER)
      .executeTakeFirstOrThrow();
    const scheme = await env.database.db
      .selectFrom('schemes')
      .select(['id', 'scheme_json'])
      .where('year', '=', YEAR)
      .executeTakeFirstOrThrow();
    expect(round).toMatchObject({ scheme_id: scheme.id, status: 'draft' });
    const period = parsePeriod(QUARTER);
    if (!period) throw new Error(QUARTER);
    const schemeGroups = (JSON.parse(scheme.scheme_json) as { groups: { code: string }[] }).groups.map((g) => g.code);
    const units = await listAssessedUnits(env.database.db, YEAR, period, schemeGroups);
    expect(units).toHaveLength(150);

    await page.getByTestId(`round-${QUARTER}`).click();
    await page.getByTestId('round-title').waitFor();
    await expect.poll(async () => page.getByTestId('completeness').textContent()).toContain('0 / 150');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'onboarding-15-round');

    // Every step of the first-run checklist is ticked (设置 › 机构信息 keeps it until then).
    await settingsTab(page, 'office');
    await page.getByTestId('office-set-up-at').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('setup-checklist').count()).toBe(0);
    await page.goto(env.baseUrl);
    await page.getByText('尚无已发布的考评结果', { exact: false }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('setup-checklist').count()).toBe(0);
    await screenshot(page, 'onboarding-16-overview-after');
  });

  it('an assessor enters a score in the new round under the imported scheme', { timeout: 90_000 }, async () => {
    const round = await env.database.db
      .selectFrom('assessment_rounds')
      .select('id')
      .where('period_code', '=', QUARTER)
      .executeTakeFirstOrThrow();
    const page = await page1366();
    await signIn(page, 'pingce', assessorOneTime);
    await changePassword(page, assessorOneTime, ASSESSOR_PASSWORD);
    await page.goto(`${env.baseUrl}/assessment/rounds/${round.id}?tab=grid&group=XQ`);
    const grid = page.getByTestId('scoring-grid');
    await grid.locator('tbody tr').nth(11).waitFor();
    // 4.1 组织领导 (6 points, 综合评定 → scored by hand) for the first county.
    const cell = grid.getByLabel('4.1', { exact: true }).first();
    await cell.fill('5');
    await cell.press('Enter');
    // Saved in a batch ~300 ms later; the grid then reloads with the server's value.
    const scores = () =>
      env.database.db
        .selectFrom('assessment_scores as s')
        .innerJoin('units as u', 'u.id', 's.unit_id')
        .select(['u.code', 's.leaf_code', 's.value', 's.source'])
        .where('s.round_id', '=', round.id)
        .execute();
    await expect.poll(scores, { timeout: 15_000 }).toEqual([{ code: 'Q01', leaf_code: '4.1', value: '5', source: 'manual' }]);
    await page.waitForLoadState('networkidle');
    await expect.poll(() => grid.getByLabel('4.1', { exact: true }).first().inputValue()).toBe('5');
    // Scrolled into view for the screenshot; the grid may still be re-rendering after its reload.
    await expect
      .poll(() =>
        grid
          .getByLabel('4.1', { exact: true })
          .first()
          .scrollIntoViewIfNeeded({ timeout: 2_000 })
          .then(() => true)
          .catch(() => false),
      )
      .toBe(true);
    await screenshot(page, 'onboarding-16b-assessor-score');
  });

  it('a liaison signs in with the one-time password from the sheet, changes it and lands on their unit', { timeout: 60_000 }, async () => {
    const page = await page1366();
    await page.goto(env.baseUrl);
    await page.getByTestId('login-office').waitFor();
    expect(await page.getByTestId('login-office').innerText()).toBe(OFFICE.name);
    expect(await page.getByTestId('demo-accounts').count()).toBe(0);
    await screenshot(page, 'onboarding-17-sign-in-office');
    await signIn(page, liaison.username, liaison.password);
    await page.getByTestId('forced-change-password').waitFor();
    await screenshot(page, 'onboarding-18-liaison-change');
    await changePassword(page, liaison.password, LIAISON_PASSWORD);
    await page.waitForLoadState('networkidle');
    await page.getByText(liaison.unitName).first().waitFor();
    await screenshot(page, 'onboarding-19-liaison-unit');
  });
});
