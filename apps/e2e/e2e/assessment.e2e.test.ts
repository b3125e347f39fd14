// 考评 end to end in Chromium: the assessor imports the current quarter's files (a rejected
// scores file first, then the fixed one), publishes; the liaison of 临江区 objects to a finding;
// the assessor withdraws it; the ranking changes accordingly and the restatement is recorded.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemeSchema } from '@kaoping/contracts/scoring/scheme';
import { compileScheme } from '@kaoping/domain/scoring/compile-scheme';
import { isLeafApplicable } from '@kaoping/domain/scoring/compute-unit';
import { newPage, screenshot, signIn, startE2e, type E2eEnv } from './harness';

let env: E2eEnv;
let dir: string;
let round: { id: number; period: string };
const chinesePeriod = (code: string) => `${code.slice(0, 4)}年第${'一二三四'[Number(code.slice(5)) - 1] ?? ''}季度`;
beforeAll(async () => {
  env = await startE2e();
  dir = mkdtempSync(join(tmpdir(), 'kaoping-assessment-'));
  const draft = await env.database.db
    .selectFrom('assessment_rounds')
    .select(['id', 'period_code'])
    .where('status', '=', 'draft')
    .where('kind', '=', 'office')
    .orderBy('period_code', 'desc')
    .executeTakeFirstOrThrow();
  round = { id: Number(draft.id), period: draft.period_code };
});
afterAll(() => env.close());

/** The files an assessor would receive for the current quarter: every missing cell filled, one heavy finding on 临江区. */
async function writeRoundFiles(): Promise<{ badScores: string; scores: string; findings: string; events: string }> {
  const db = env.database.db;
  const year = Number(round.period.slice(0, 4));
  const record = await db.selectFrom('schemes').select('scheme_json').where('year', '=', year).executeTakeFirstOrThrow();
  const compiled = compileScheme(schemeSchema.parse(JSON.parse(record.scheme_json)));
  if (!compiled.ok) throw new Error('scheme');
  const scheme = compiled.scheme;
  const units = await db
    .selectFrom('units as u')
    .innerJoin('unit_groups as ug', (j) => j.onRef('ug.unit_id', '=', 'u.id').on('ug.year', '=', year))
    .innerJoin('groups as g', 'g.id', 'ug.group_id')
    .select(['u.id', 'u.code', 'u.tags', 'g.code as group'])
    .where('u.valid_to', 'is', null)
    .orderBy('u.code')
    .execute();
  const existing = new Set(
    (await db.selectFrom('assessment_scores').select(['unit_id', 'leaf_code']).where('round_id', '=', round.id).execute()).map(
      (s) => `${s.unit_id}:${s.leaf_code}`,
    ),
  );
  const lines = ['unit,period,indicator,value'];
  units.forEach((u, i) => {
    const unit = { group: u.group, tags: JSON.parse(u.tags) as string[] };
    for (const leaf of scheme.leaves) {
      if (!leaf.needsInput || !isLeafApplicable(leaf, unit) || existing.has(`${u.id}:${leaf.code}`)) continue;
      const rule = leaf.rule;
      const value =
        rule.kind === 'checklist'
          ? rule.items
              .slice(0, 2 + (i % 2))
              .map((it) => it.code)
              .join(';')
          : rule.kind === 'binary'
            ? String(i % 5 === 0 ? 0 : 1)
            : rule.kind === 'graded'
              ? (rule.levels[i % 3]?.label ?? '')
              : rule.kind === 'rate'
                ? String(90 + (i % 10))
                : String(Math.max(0, leaf.points / 1000 - (i % 4) * 0.5));
      lines.push(`${u.code},${round.period},${leaf.code},${value}`);
    }
  });
  const scores = `${lines.join('\n')}\n`;
  const firstC = units.find((u) => u.group === 'C')?.code ?? 'A01-S01';
  const badScores = `${scores}${firstC},${round.period},3.3,特优\nX99,${round.period},2.2,5\n`;
  const findings = [
    'unit,period,indicator,count,deduction,description,url',
    `A01,${round.period},2.1,4,,依申请公开答复超过法定期限4件,https://www.jiangling.gov.cn/a01/ysqgk/2026.html`,
    `A02,${round.period},3.1,3,,首页存在错别字及不可用链接,https://www.jiangling.gov.cn/a02/`,
    `B101,${round.period},1.1.2,1,,政策文件栏目超过6个月未更新,https://www.jiangling.gov.cn/b101/zcwj/`,
  ].join('\n');
  const events = [
    'unit,period,code,note',
    `A03,${round.period},J2,获市政府办公室通报表扬`,
    `B205,${round.period},Z1,被省政务公开办通报批评`,
  ].join('\n');
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  return {
    badScores: write('bad/scores.csv', badScores),
    scores: write('scores.csv', scores),
    findings: write('findings.csv', `${findings}\n`),
    events: write('events.csv', `${events}\n`),
  };
}

async function rankOf(page: Page, unitName: string): Promise<number> {
  const row = page.getByTestId('ranking-table').locator('tbody tr', { hasText: unitName }).first();
  return Number((await row.locator('td').first().innerText()).trim());
}

async function importFile(page: Page, kind: 'scores' | 'findings' | 'events', path: string) {
  await page.getByTestId(`import-kind-${kind}`).click();
  await page.locator('.ant-modal input[type="file"]').setInputFiles(path);
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-result').waitFor();
}

describe('an assessment round, end to end', () => {
  it('imports a round (a rejected file first), publishes, takes an objection and restates the ranking', async () => {
    const files = await writeRoundFiles();
    const assessor = await newPage(env);
    await signIn(env, assessor, 'assessor');
    await assessor.getByTestId('main-nav').getByText('考评').click();
    // The rounds table shows periods in words (2026年第四季度); the row's test id keeps the code.
    await assessor.getByTestId(`round-${round.period}`).waitFor();
    await expect(assessor.getByTestId('rounds-table').textContent()).resolves.toContain(chinesePeriod(round.period));
    await screenshot(assessor, 'asmt-01-rounds');

    await assessor.getByTestId(`round-${round.period}`).click();
    await assessor.getByTestId('ranking-table').waitFor();
    await expect(assessor.getByTestId('completeness').innerText()).resolves.not.toMatch(/^(\d+) \/ \1 /);
    expect(await assessor.getByTestId('publish').isDisabled()).toBe(true);
    await assessor.getByTestId('group-picker').getByText('C 乡镇(街道)').first().click();
    await assessor.getByRole('tab', { name: '评分表' }).click();
    await assessor.getByTestId('scoring-grid').locator('tbody tr').nth(5).waitFor();
    await screenshot(assessor, 'asmt-02-grid-incomplete');

    // A scores file with a bad value and an unknown unit: refused whole, with row and column.
    await assessor.getByTestId('open-import').click();
    await importFile(assessor, 'scores', files.badScores);
    await expect(assessor.getByTestId('import-result').innerText()).resolves.toContain('文件未导入');
    await assessor.getByTestId('import-problems').getByText('等级 “特优” 不存在', { exact: false }).waitFor();
    await assessor.getByTestId('import-problems').getByText('单位 X99 不在本轮参评单位中', { exact: false }).waitFor();
    await screenshot(assessor, 'asmt-03-import-rejected');
    const before = await env.database.db
      .selectFrom('assessment_scores')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', round.id)
      .executeTakeFirstOrThrow();

    await importFile(assessor, 'scores', files.scores);
    await expect(assessor.getByTestId('import-result').innerText()).resolves.toContain('导入完成');
    const after = await env.database.db
      .selectFrom('assessment_scores')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', round.id)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBeGreaterThan(Number(before.n));
    await importFile(assessor, 'findings', files.findings);
    await expect(assessor.getByTestId('import-result').innerText()).resolves.toContain('导入完成');
    await importFile(assessor, 'events', files.events);
    await expect(assessor.getByTestId('import-result').innerText()).resolves.toContain('导入完成');
    await screenshot(assessor, 'asmt-04-import-ok');
    await assessor
      .getByRole('button', { name: /关\s?闭/ })
      .last()
      .click();

    // An event by hand on a unit's sheet: a commendation (加分) for 安澜市.
    const a10 = await env.database.db.selectFrom('units').select('id').where('code', '=', 'A10').executeTakeFirstOrThrow();
    await assessor.goto(`${env.baseUrl}/assessment/rounds/${round.id}/units/${a10.id}`);
    await assessor.getByTestId('score-sheet').waitFor();
    await assessor.locator('.ant-select').filter({ hasText: '选择否决项' }).click();
    await assessor.getByTitle('J3 政务公开创新案例入选(+2)').click();
    await assessor.getByPlaceholder('说明(如:首页15天未更新)').fill('“一件事”公开案例入选全省创新案例');
    await assessor.getByRole('button', { name: '登记事项' }).click();
    await assessor.getByText('“一件事”公开案例入选全省创新案例', { exact: false }).waitFor();
    await screenshot(assessor, 'asmt-04b-event-recorded');
    await assessor.goto(`${env.baseUrl}/assessment/rounds/${round.id}`);
    await assessor.getByTestId('ranking-table').waitFor();

    // Meanwhile the liaison of 临江区 fills in a self-assessment value for the round in progress.
    const liaison = await newPage(env);
    await signIn(env, liaison, 'liaison');
    await liaison.getByTestId('main-nav').getByText('考评').click();
    await liaison.getByTestId(`self-${round.period}`).click();
    const selfCell = liaison.getByLabel('self-2.2');
    await selfCell.fill('8');
    await selfCell.press('Enter');
    await liaison
      .getByTestId('self-assessment')
      .locator('tr', { hasText: '2.2 答复规范性' })
      .getByText('8', { exact: true })
      .first()
      .waitFor();
    await screenshot(liaison, 'asmt-05a-liaison-self-assessment');

    await assessor.getByRole('tab', { name: '排名结果' }).click();
    await assessor.getByTestId('group-picker').getByText('A 县(市、区)政府').first().click();
    await expect(assessor.getByTestId('completeness').innerText()).resolves.toMatch(/^(\d+) \/ \1 /);
    const rankBefore = await rankOf(assessor, '江临市临江区人民政府');
    await assessor.getByTestId('publish').click();
    await assessor.getByTestId('publish-confirm').click();
    await assessor.getByText('已发布并冻结', { exact: false }).first().waitFor();
    await screenshot(assessor, 'asmt-05-published');

    // The liaison of 临江区 reads the published sheet and objects to the heavy finding.
    await liaison.goto(`${env.baseUrl}/assessment`);
    await liaison.getByTestId(`sheet-${round.period}`).click();
    await liaison.getByTestId('score-sheet').waitFor();
    const finding = liaison.getByTestId('unit-findings').locator('li', { hasText: '依申请公开答复超过法定期限4件' });
    await finding.getByRole('button', { name: '申诉' }).click();
    await liaison.getByTestId('objection-text').fill('4件申请均在法定期限内答复,附答复书及送达回执');
    await liaison.getByTestId('objection-submit').click();
    await finding.getByText('待处理').waitFor();
    await screenshot(liaison, 'asmt-06-liaison-sheet-objection');

    // The assessor withdraws the finding: recomputed, restated, 临江区 moves up.
    await assessor.reload();
    await assessor.getByRole('tab', { name: '申诉' }).click();
    await assessor.getByTestId('objections-table').getByText('临江区', { exact: false }).first().waitFor();
    await assessor
      .getByTestId('objections-table')
      .getByRole('button', { name: /处\s?理/ })
      .first()
      .click();
    await assessor.getByTestId('decide-withdrawn').click();
    await assessor.getByTestId('decide-reason').fill('核实答复书及送达回执,答复未超期,问题不成立');
    await assessor.getByTestId('decide-submit').click();
    await assessor.getByTestId('objections-table').getByText('已撤销问题').first().waitFor();
    await screenshot(assessor, 'asmt-07-objection-decided');
    await assessor.getByRole('tab', { name: '排名结果' }).click();
    await assessor.getByTestId('group-picker').getByText('A 县(市、区)政府').first().click();
    const rankAfter = await rankOf(assessor, '江临市临江区人民政府');
    expect(rankAfter).toBeLessThan(rankBefore);
    await screenshot(assessor, 'asmt-08-ranking-restated');
    await assessor.getByRole('tab', { name: '发布记录' }).click();
    await assessor.getByTestId('publications').getByText('第 1 次更正').waitFor();
    await screenshot(assessor, 'asmt-09-publications');

    // The liaison sees the withdrawn finding and the new score.
    await liaison.reload();
    await liaison
      .getByTestId('unit-findings')
      .locator('li', { hasText: '依申请公开答复超过法定期限4件' })
      .getByText('已撤销问题')
      .waitFor();
    await screenshot(liaison, 'asmt-10-liaison-after');
  });

  it('shows a unit score sheet with its findings, the self-assessment comparison, annual results and the scheme', async () => {
    const db = env.database.db;
    const page = await newPage(env);
    await signIn(env, page, 'admin');
    const waitLoaded = () => page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    // The last quarter published by the demo: a unit with findings, one of them in the ledger.
    const previous = await db
      .selectFrom('assessment_rounds')
      .select('id')
      .where('status', '=', 'published')
      .where('kind', '=', 'office')
      .where('period_code', '<', round.period)
      .orderBy('period_code', 'desc')
      .executeTakeFirstOrThrow();
    const withLedger = await db
      .selectFrom('findings as f')
      .innerJoin('rectification_item_findings as l', 'l.finding_id', 'f.id')
      .select('f.unit_id')
      .where('f.round_id', '=', Number(previous.id))
      .where('f.status', '=', 'active')
      .orderBy('f.unit_id')
      .executeTakeFirst();
    const unitId =
      withLedger?.unit_id ??
      (await db.selectFrom('findings').select('unit_id').where('round_id', '=', Number(previous.id)).executeTakeFirstOrThrow()).unit_id;
    await page.goto(`${env.baseUrl}/assessment/rounds/${previous.id}/units/${unitId}`);
    await page.getByTestId('unit-findings').locator('li').first().waitFor();
    await screenshot(page, 'asmt-11-unit-sheet-findings');

    const a01 = await db.selectFrom('units').select('id').where('code', '=', 'A01').executeTakeFirstOrThrow();
    await page.goto(`${env.baseUrl}/assessment/rounds/${round.id}/units/${a01.id}`);
    await page.getByRole('tab', { name: '自评对比' }).click();
    await page.getByTestId('self-assessment').locator('tbody tr').nth(5).waitFor();
    await waitLoaded();
    await screenshot(page, 'asmt-12-self-vs-assessed');

    await page.goto(`${env.baseUrl}/assessment?tab=annual&year=2025`);
    await page.getByTestId('annual-results').locator('tbody tr').nth(3).waitFor();
    await waitLoaded();
    await screenshot(page, 'asmt-13-annual-2025');
    await page.goto(`${env.baseUrl}/assessment/schemes`);
    await page.getByTestId('scheme-tree').locator('tbody tr').nth(10).waitFor();
    await screenshot(page, 'asmt-14-scheme');

    const english = await newPage(env, 'en');
    await signIn(env, english, 'assessor');
    await english.goto(`${env.baseUrl}/assessment/rounds/${round.id}`);
    await english.getByTestId('ranking-table').getByText('Jiangling', { exact: false }).count();
    await english.getByRole('tab', { name: 'Ranking' }).waitFor();
    await english.getByTestId('ranking-table').locator('tbody tr').nth(3).waitFor();
    await screenshot(english, 'asmt-15-round-en');
  });
});
