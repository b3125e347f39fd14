import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorNode, Scheme } from '@kaoping/contracts/scoring/scheme';
import { formatSchemeRowError } from '@kaoping/contracts/scoring/scheme-proposal';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { everyRuleKindScheme } from '@kaoping/domain/scheme-editor/every-rule-kind-scheme';
import { schemeDocx } from '@kaoping/exporters/scheme/scheme-docx';
import { schemeXlsx } from '@kaoping/exporters/scheme/scheme-xlsx';
import { buildDocxBomb } from '../../../importers/test/zip-bomb';
import { callerFor, seedMinimalOrg } from '../testing/test-context';
import { proposeSchemeFromDocument } from './scheme-document.service';

const fixture = (name: string) => readFileSync(new URL(`../../../../fixtures/scheme/${name}`, import.meta.url)).toString('base64');

/** Tree, points and rules, with checklist item codes dropped (the importer numbers them a, b, c). */
const shape = (nodes: readonly IndicatorNode[]): unknown[] =>
  nodes.map((n) => ({
    name: n.name,
    points: n.points,
    ...(n.children ? { children: shape(n.children) } : {}),
    ...(n.rule
      ? {
          rule:
            n.rule.kind === 'checklist'
              ? { kind: 'checklist', items: n.rule.items.map((i) => ({ name: i.name, points: i.points })) }
              : n.rule,
        }
      : {}),
  }));

describe('the published 考核细则 round-trips through export and import', () => {
  for (const [format, write] of [
    ['xlsx', schemeXlsx],
    ['docx', schemeDocx],
  ] as const) {
    it(`${format}: a scheme with every rule kind comes back with the same tree, points, rules, vetoes, bonus and major deductions`, async () => {
      const bytes = await write(everyRuleKindScheme);
      const p = await proposeSchemeFromDocument(bytes, { year: 2026, fileName: `细则.${format}` });
      if (!p.ok) throw new Error(p.errors.map(formatSchemeRowError).join('\n'));
      expect(shape(p.scheme.indicators)).toEqual(shape(everyRuleKindScheme.indicators));
      expect(p.scheme.title).toBe(everyRuleKindScheme.title);
      expect({ vetoes: p.scheme.vetoes, bonus: p.scheme.bonus, major: p.scheme.majorDeductions }).toEqual({
        vetoes: everyRuleKindScheme.vetoes,
        bonus: everyRuleKindScheme.bonus,
        major: everyRuleKindScheme.majorDeductions,
      });
      expect(p.inferences.every((i) => i.confidence === 'inferred' || i.rule.kind === 'manual')).toBe(true);
    });
  }
});

describe.each(testDatabases)('scheme documents on $name', (factory) => {
  let handle: DatabaseHandle;
  let org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
    org = await seedMinimalOrg(handle);
  });
  afterAll(() => handle.destroy());
  const count = async (table: 'schemes' | 'audit_log') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('proposes a scheme from the office file without writing anything, then stores it once confirmed (audited)', async () => {
    const admin = callerFor(handle, org.users.admin);
    const before = { schemes: await count('schemes'), audit: await count('audit_log') };
    const proposal = await admin.schemeDocuments.propose({
      fileName: 'portal.xlsx',
      base64: fixture('district-portal-website-2023.xlsx'),
      year: 2027,
    });
    expect(proposal.ok).toBe(true);
    if (!proposal.ok) return;
    expect(proposal.inferences.map((i) => `${i.code} ${i.rule.kind}`)).toEqual([
      '1.1.1 manual',
      '1.1.2 manual',
      '1.1.3 binary',
      '1.2.1 binary',
      '1.2.2 binary',
    ]);
    expect({ schemes: await count('schemes'), audit: await count('audit_log') }).toEqual(before);

    const saved = await admin.schemeDocuments.confirm({ json: JSON.stringify(proposal.scheme), fileName: 'portal.xlsx', version: null });
    expect(saved).toMatchObject({ ok: true, created: true, scheme: { year: 2027, code: 'KH-2027' } });
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'after_json']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('assessment.scheme.importDocument');
    expect(audit.after_json).toContain('portal.xlsx');

    const exported = await admin.schemeDocuments.export({ id: saved.ok ? saved.scheme.id : 0, format: 'docx' });
    expect(exported.fileName).toBe('各区政府(管委会)门户网站考评指标及评分细则.docx');
    const again = await proposeSchemeFromDocument(new Uint8Array(Buffer.from(exported.base64, 'base64')), {
      year: 2027,
      fileName: exported.fileName,
    });
    expect(again.ok && shape(again.scheme.indicators)).toEqual(shape(proposal.scheme.indicators));
  });

  it('refuses a table whose points do not add up, with row errors, and writes nothing', async () => {
    const admin = callerFor(handle, org.users.admin);
    const before = { schemes: await count('schemes'), audit: await count('audit_log') };
    const proposal = await admin.schemeDocuments.propose({
      fileName: 'truncated.xlsx',
      base64: fixture('website-performance-2009-truncated.xlsx'),
      year: 2028,
    });
    expect(proposal.ok ? [] : proposal.errors.map(formatSchemeRowError)).toEqual([
      '工作表“评估指标” 第2行:“主动公开”分值 27 分,下级指标合计 15.4 分,不一致',
      '工作表“评估指标” 第2行:“政府信息公开”分值 37 分,下级指标合计 27 分,不一致',
    ]);
    const notAFile = await admin.schemeDocuments.propose({
      fileName: 'x.xlsx',
      base64: Buffer.from('not a workbook').toString('base64'),
      year: 2028,
    });
    expect(notAFile.ok ? null : notAFile.errors[0]?.message).toContain('不是 .xlsx、.docx、.xls 或 .doc 文件');
    // A confirmed scheme that fails validation is refused whole.
    const broken: Scheme = {
      ...everyRuleKindScheme,
      year: 2028,
      indicators: [{ ...everyRuleKindScheme.indicators[0], points: 41 } as IndicatorNode],
    };
    const refused = await admin.schemeDocuments.confirm({ json: JSON.stringify(broken), fileName: 'x.xlsx', version: null });
    expect(refused.ok ? [] : refused.problems.join('\n')).toContain('指标 1');
    expect({ schemes: await count('schemes'), audit: await count('audit_log') }).toEqual(before);
  });

  it('reads an upload off the request thread: a zip bomb is refused in Chinese while other requests are answered', async () => {
    const admin = callerFor(handle, org.users.admin);
    // word/document.xml inflates to 100 MB while the headers claim 1 KB.
    const bomb = Buffer.from(buildDocxBomb(100, { lieAboutSize: true })).toString('base64');
    let last = Date.now();
    let stallMs = 0;
    const ticker = setInterval(() => {
      stallMs = Math.max(stallMs, Date.now() - last);
      last = Date.now();
    }, 20);
    const started = Date.now();
    const [hostile, honest] = await Promise.all([
      admin.schemeDocuments.propose({ fileName: '细则.docx', base64: bomb, year: 2030 }),
      // Sent while the bomb is being read: answered meanwhile, not after it.
      (async () => {
        const p = await admin.schemeDocuments.propose({
          fileName: 'p.xls',
          base64: fixture('district-portal-website-2023.xls'),
          year: 2030,
        });
        return { ok: p.ok, atMs: Date.now() - started };
      })(),
    ]);
    const hostileMs = Date.now() - started;
    clearInterval(ticker);
    expect(hostile.ok ? [] : hostile.errors.map(formatSchemeRowError)).toEqual(['细则.docx:Word 文档解压后超过 50 MB,疑似压缩炸弹,已拒绝']);
    expect(honest.ok).toBe(true);
    expect(hostileMs).toBeLessThan(60_000);
    // The server's own event loop never stalls: the reading is in other processes.
    expect(stallMs).toBeLessThan(1000);
    // A file over the upload bound is refused before anything reads it.
    await expect(admin.schemeDocuments.propose({ fileName: 'big.xlsx', base64: 'A'.repeat(15_000_000), year: 2030 })).rejects.toThrow(
      '文件过大(上限 10 MB)',
    );
  }, 120_000);

  it('lets only the office import; readers may export', async () => {
    const input = { fileName: 'p.xlsx', base64: fixture('district-portal-website-2023.xlsx'), year: 2029 };
    await expect(callerFor(handle, org.users.assessor).schemeDocuments.propose(input)).rejects.toThrow();
    await expect(
      callerFor(handle, org.users.liaison).schemeDocuments.confirm({ json: '{}', fileName: 'p.xlsx', version: null }),
    ).rejects.toThrow();
  });
});
