import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  cleanText,
  defaultBulletinWording,
  formatChineseDate,
  formatPeriodLabel,
  withDefaultWording,
  type BulletinData,
  type BulletinFacts,
} from './bulletin-data';
import { buildBulletinDocx, formatRankDelta } from './bulletin-docx';
import { buildRankingsXlsx, sheetNameFor } from './bulletin-xlsx';
import { sampleBulletinData, sampleBulletinFacts } from './sample-bulletin-data';
import { readZip } from './test-zip';

/** A well-formedness check good enough for generated XML: tags balance and no raw `<` or `&` in text. */
function expectWellFormed(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const m of body.matchAll(
    /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g,
  )) {
    if (m[2] === undefined)
      throw new Error(`stray ${m[0]} at ${m.index}: ${body.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 40)}`);
    if (m[4] === '/') continue;
    if (m[1] === '/') {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}>`);
    } else stack.push(m[2]);
  }
  expect(stack).toEqual([]);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const HOSTILE = '<img src=x onerror=alert(1)>';
const AMPERSAND = '江临市科学技术局（科协）&知识产权局';

/** The sample with two units renamed everywhere they appear: one hostile name, one with an ampersand. */
function sampleWithHostileNames(): BulletinData {
  const data = sampleBulletinData();
  const renames = new Map([
    [data.groups[0]?.rows[0]?.unitName ?? '', HOSTILE],
    [data.groups[2]?.rows[1]?.unitName ?? '', AMPERSAND],
  ]);
  const rename = (name: string) => renames.get(name) ?? name;
  return {
    ...data,
    groups: data.groups.map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, unitName: rename(r.unitName) })) })),
    praised: data.praised.map((g) => ({ ...g, units: g.units.map((u) => ({ ...u, unitName: rename(u.unitName) })) })),
    annexes: data.annexes.map((a) => ({ ...a, units: a.units.map((u) => ({ ...u, unitName: rename(u.unitName) })) })),
  };
}

/** A bulletin where one group has no units, nothing went wrong and there is no previous period. */
function quietFacts(): BulletinFacts {
  const facts = sampleBulletinFacts();
  const groups = facts.groups.map((g, i) =>
    i === 1 ? { ...g, unitCount: 0, average: null, max: null, min: null, passRate: null, gradeCounts: [], rows: [] } : g,
  );
  return {
    ...facts,
    groups,
    overall: { ...facts.overall, unitsAssessed: groups.reduce((s, g) => s + g.unitCount, 0) },
    praised: [],
    belowPassLine: [],
    problemCategories: [],
    rectification: null,
    annexes: facts.annexes.map((a, i) => (i === 1 ? { ...a, units: [] } : a)),
  };
}

describe('bulletin view model', () => {
  it('formats periods, dates, heading numbers and rank movement as the office writes them', () => {
    expect(formatPeriodLabel('2026Q3')).toBe('2026年第三季度');
    expect(formatPeriodLabel('2026Q1')).toBe('2026年第一季度');
    expect(formatPeriodLabel('2026')).toBe('2026年度');
    expect(formatChineseDate('2026-10-05')).toBe('2026年10月5日');
    expect([1, 6, 10, 12, 20, 23].map(chineseNumeral)).toEqual(['一', '六', '十', '十二', '二十', '二十三']);
    expect([3, -2, 0, null].map(formatRankDelta)).toEqual(['▲3', '▼2', '持平', '—']);
    expect(cleanText('a\u0007b\uFFFEc\r\nd')).toBe('abc d');
  });

  it('fills every office paragraph with a default drafted from the figures', () => {
    const facts = sampleBulletinFacts();
    const wording = defaultBulletinWording(facts);
    for (const text of Object.values(wording)) expect(text.trim().length).toBeGreaterThan(20);
    expect(wording.basis).toContain('《江临市2026年度政务公开工作考核方案》（江政公办〔2026〕3号）');
    expect(wording.basis).toContain('2026年9月30日');
    expect(wording.basis).toContain(`全市${facts.overall.unitsAssessed}个单位`);
    expect(wording.basis).toContain('乡镇（街道）100个');
    expect(wording.overallComment).toContain(`平均得分${facts.overall.average?.toFixed(2)}分`);
    expect(wording.overallComment).toContain('较上季度');
    expect(wording.closing).toContain('市政务公开办');
  });

  it('keeps the paragraphs the office edited and defaults the ones left blank', () => {
    const facts = sampleBulletinFacts();
    const data = withDefaultWording(facts, { basis: '根据市政府工作安排，现将考评情况通报如下。', closing: '   ' });
    expect(data.wording.basis).toBe('根据市政府工作安排，现将考评情况通报如下。');
    expect(data.wording.closing).toBe(defaultBulletinWording(facts).closing);
    expect(data.wording.requirementsIntro).toBe(defaultBulletinWording(facts).requirementsIntro);
  });

  it('builds the same realistic sample every time: 4 groups, 155 units, problems and rectification figures', () => {
    const data = sampleBulletinData();
    expect(sampleBulletinData()).toEqual(data);
    expect(data.groups.map((g) => g.unitCount)).toEqual([10, 20, 25, 100]);
    expect(data.overall.unitsAssessed).toBe(155);
    expect(data.groups.every((g) => g.rows.length === g.unitCount)).toBe(true);
    expect(data.problemCategories.length).toBeGreaterThan(5);
    expect(data.belowPassLine.flatMap((g) => g.units).some((u) => u.reason.startsWith('单项否决'))).toBe(true);
    expect(data.rectification?.notReportedUnits.length).toBeGreaterThan(0);
    expect(data.annexes).toHaveLength(4);
    // Scores are 100 minus the points lost in the annex.
    const unit = data.annexes[3]?.units[0];
    if (!unit || unit.score === null) throw new Error('sample has no annex unit');
    expect(unit.score).toBeCloseTo(100 - unit.findings.reduce((s, f) => s + f.pointsLost, 0), 2);
  });
});

describe('bulletin .docx', () => {
  it('has a well-formedness check that catches broken XML', () => {
    expect(() => expectWellFormed('<a><b></a></b>')).toThrow();
    expect(() => expectWellFormed('<a>x & y</a>')).toThrow();
    expect(() => expectWellFormed('<a><img src=x onerror=alert(1)></a>')).toThrow();
    expectWellFormed('<?xml version="1.0"?><w:a x="1"><w:b/>&lt;&amp;</w:a>');
  });

  it('is a valid zip with the title, every section heading in order and every ranked unit', async () => {
    const data = sampleWithHostileNames();
    const files = readZip(await buildBulletinDocx(data));
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/fontTable.xml']),
    );
    for (const [name, xml] of files) if (name.endsWith('.xml') || name.endsWith('.rels')) expectWellFormed(xml);
    const xml = files.get('word/document.xml') ?? '';

    expect(xml).toContain(`>${data.title}<`);
    expect(xml).toContain('>江政公办〔2026〕12号<');
    const headings = [
      '一、总体情况',
      '二、各类别考评得分及排名',
      '（一）县（市、区）政府',
      '（四）乡镇（街道）',
      '三、通报表扬和未达到合格线的单位',
      '四、存在的主要问题',
      '五、上季度问题整改情况',
      '六、工作要求',
      '附件1',
      '附件2',
      '附件3',
      '附件4',
    ];
    const positions = headings.map((h) => xml.indexOf(`>${h}<`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    for (const row of data.groups.flatMap((g) => g.rows)) expect(xml).toContain(`>${escapeXml(row.unitName)}<`);
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(xml).toContain('科协）&amp;知识产权局');
    expect(xml).not.toContain('<img');
    expect(xml).not.toMatch(/&(?!(?:lt|gt|amp|quot|apos);)/);

    // Scores with two decimals, movement arrows, the annex findings.
    const first = data.groups[0]?.rows[0];
    expect(xml).toContain(`>${first?.score.toFixed(2)}<`);
    expect(xml).toMatch(/>▲\d+</);
    expect(xml).toMatch(/>▼\d+</);
    const finding = data.annexes[3]?.units[0]?.findings[0];
    expect(xml).toContain(escapeXml(finding?.description ?? '?'));
  });

  it('lays out an official document: A4, fonts, repeated table headers, annexes on new landscape pages, page numbers', async () => {
    const data = sampleBulletinData();
    const files = readZip(await buildBulletinDocx(data));
    const xml = files.get('word/document.xml') ?? '';
    const styles = files.get('word/styles.xml') ?? '';
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    for (const font of ['FangSong', 'SimSun', 'SimHei', 'KaiTi']) expect(styles).toContain(`w:eastAsia="${font}"`);
    expect(files.get('word/fontTable.xml')).toContain('<w:altName w:val="仿宋"/>');
    expect(styles).toMatch(/w:line="580" w:lineRule="exact"/);
    expect(styles).toMatch(/<w:ind w:firstLine="640"\/>/);
    expect(styles).toContain('<w:sz w:val="32"/>');
    // One header row per table, repeated on every page the table runs over.
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe((xml.match(/<w:tbl>/g) ?? []).length);
    expect(xml.match(/<w:pageBreakBefore\/>/g) ?? []).toHaveLength(data.annexes.length - 1);
    expect(xml).toMatch(/<w:sectPr>.*<w:type w:val="nextPage"\/>/s);
    const footers = [...files.entries()].filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, x]) => x);
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const footer of footers) {
      expect(footer).toContain('PAGE');
      expect(footer).toContain('— ');
    }
    expect(files.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('still produces a valid document, saying so, when a group is empty and nothing was found', async () => {
    const data = withDefaultWording(quietFacts());
    const files = readZip(await buildBulletinDocx(data));
    const xml = files.get('word/document.xml') ?? '';
    expectWellFormed(xml);
    for (const sentence of [
      '本类别本期无参加考评的单位。',
      '本期考评未发现共性问题。',
      '本类别各单位本期未发现扣分问题。',
      '本期为首次考评，无上期整改事项。',
      '本期无予以通报表扬的单位。',
      '本期所有参评单位均达到合格线（60分）。',
    ])
      expect(xml).toContain(sentence);
    expect(data.wording.overallComment).toContain('本期考评未发现共性问题');
  });

  it('handles a bulletin with no groups, no annexes and control characters in names', async () => {
    const facts = sampleBulletinFacts();
    const data = withDefaultWording({
      ...facts,
      officeName: '江临市政务公开办\u0007&<b>',
      groups: [],
      overall: { unitsAssessed: 0, average: null, passRate: null, gradeCounts: [], previousAverage: null, previousPassRate: null },
      praised: [],
      belowPassLine: [],
      problemCategories: [],
      requirements: [],
      annexes: [],
      contact: null,
      publicity: null,
      rectification: {
        previousPeriodLabel: '2026年第二季度',
        itemCount: 0,
        closedOnTime: 0,
        closedLate: 0,
        overdue: 0,
        onTimeRate: null,
        notReportedUnits: [],
        repeatedUnits: [],
      },
    });
    const files = readZip(await buildBulletinDocx(data));
    for (const [name, content] of files) if (name.endsWith('.xml')) expectWellFormed(content);
    const xml = files.get('word/document.xml') ?? '';
    expect(xml).toContain('>江临市政务公开办&amp;&lt;b&gt;<');
    expect(files.get('docProps/core.xml')).toContain('江临市政务公开办&amp;&lt;b&gt;');
    expect(xml).toContain('本期未设置考评类别。');
    expect(xml).toContain('2026年第三季度无参加考评的单位。');
    expect(xml).toContain('通报未涉及需要整改的问题。');
    expect(xml).not.toContain('附件1');
    expect(xml).not.toContain('\u0007');
  });
});

describe('rankings .xlsx', () => {
  const load = async (bytes: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  };

  it('has a summary, one ranking sheet per group and the problems, with numbers as numbers', async () => {
    const data = sampleWithHostileNames();
    const workbook = await load(await buildRankingsXlsx(data));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '县（市、区）政府',
      '市直部门（承担重点领域）',
      '市直部门（其他）',
      '乡镇（街道）',
      '问题清单',
    ]);

    const county = workbook.getWorksheet('县（市、区）政府');
    if (!county) throw new Error('no county sheet');
    expect(county.getCell('A1').value).toBe('2026年第三季度县（市、区）政府考评得分及排名');
    expect(county.getRow(2).values).toEqual([undefined, '排名', '名次变化', '单位名称', '得分', '等次', '备注']);
    expect(county.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const group = data.groups[0];
    group?.rows.forEach((r, i) => {
      const row = county.getRow(3 + i);
      expect(row.getCell(1).value).toBe(r.rank ?? '—');
      expect(row.getCell(2).value).toBe(r.rankDelta ?? '—');
      expect(row.getCell(3).value).toBe(r.unitName);
      expect(row.getCell(4).value).toBe(r.score);
      expect(row.getCell(5).value).toBe(r.grade);
    });
    expect(county.getCell('C3').value).toBe(HOSTILE);
    expect(county.getCell('D3').numFmt).toBe('0.00');
    expect(county.getCell('B3').numFmt).toBe('"▲"0;"▼"0;"持平"');
    expect(county.rowCount).toBe(2 + (group?.rows.length ?? 0));

    const vetoed = workbook.getWorksheet('市直部门（其他）');
    const last = vetoed?.getRow(vetoed.rowCount);
    expect(last?.getCell(1).value).toBe('—');
    expect(String(last?.getCell(6).value)).toMatch(/^单项否决/);

    const summary = workbook.getWorksheet('汇总');
    expect(summary?.getRow(2).values).toEqual([
      undefined,
      '类别',
      '单位数',
      '平均分',
      '最高分',
      '最低分',
      '合格率',
      '优秀',
      '良好',
      '合格',
      '不合格',
    ]);
    expect(summary?.getCell('B7').value).toBe(155);
    expect(summary?.getCell('C7').value).toBe(data.overall.average);
    expect(summary?.getCell('F7').numFmt).toBe('0.0%');

    const problems = workbook.getWorksheet('问题清单');
    const findings = data.annexes.flatMap((a) => a.units.flatMap((u) => u.findings.map((f) => ({ unit: u, f }))));
    expect(problems?.rowCount).toBe(2 + findings.length);
    expect(problems?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(problems?.getRow(3).values).toEqual([
      undefined,
      1,
      findings[0]?.unit.groupName,
      findings[0]?.unit.unitName,
      findings[0]?.unit.score,
      findings[0]?.f.indicator,
      findings[0]?.f.description,
      findings[0]?.f.pointsLost,
    ]);
    const texts: string[] = [];
    problems?.eachRow((row) => texts.push(String(row.getCell(3).value)));
    expect(texts).toContain(AMPERSAND);
  });

  it('writes an empty group and an empty problem list as sheets that say so', async () => {
    const workbook = await load(await buildRankingsXlsx(withDefaultWording({ ...quietFacts(), annexes: [] })));
    expect(workbook.getWorksheet('市直部门（承担重点领域）')?.getCell('A3').value).toBe('本类别本期无参加考评的单位');
    expect(workbook.getWorksheet('问题清单')?.getCell('A3').value).toBe('本期考评未发现扣分问题');
  });

  it('turns group names into valid, unique sheet names', () => {
    const taken = new Set(['乡镇']);
    expect(sheetNameFor('乡镇', taken)).toBe('乡镇_2');
    expect(sheetNameFor('A/B:C*[D]?', new Set())).toBe('A_B_C__D__');
    expect(sheetNameFor('很'.repeat(40), new Set())).toHaveLength(31);
  });
});
