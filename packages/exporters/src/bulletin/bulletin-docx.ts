// The quarterly bulletin (通报) as a Word document in the official-document layout (GB/T 9704-2012):
// A4 with the standard margins, red letterhead with the document number and rule, title in bold
// Song, body in 仿宋 三号 on a fixed 29 pt line, headings 一、 in 黑体 and （一） in 楷体, tables with a
// repeated header row, the annex list and signature kept together, then the annexes (附件1, 附件2 …)
// each on a new page in a landscape section, and the page number "— 1 —" at the outer edge of the
// footer (odd pages right, even pages left).
//
// Fonts: the East Asian faces are declared by their Windows names (FangSong, SimSun, SimHei, KaiTi),
// which Word and WPS resolve on an office PC. On Linux, fontconfig substitutes Noto CJK (SimSun maps
// to Noto Serif CJK SC, the others to Noto Sans CJK SC), so the text renders without missing glyphs.
// Every text run goes through `clean`, which drops characters XML cannot carry; the docx library
// escapes the rest, so unit names typed by users (`<img …>`, `&`) stay text.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import {
  chineseNumeral,
  cleanText as clean,
  formatChineseDate,
  formatRate,
  formatScore,
  previousPeriodWord,
  type BulletinAnnex,
  type BulletinData,
  type BulletinGroup,
  type BulletinGroupMentions,
} from './bulletin-data';

// A4 in twips with the GB/T 9704 margins: top 37 mm, binding side 28 mm, text block 156 × 225 mm.
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1134 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Annex pages are landscape (横排表格): the long problem descriptions then fit on one line. */
const LANDSCAPE = { top: 1588, bottom: 1474, left: 2098, right: 1984 };
const LANDSCAPE_WIDTH = PAGE.height - LANDSCAPE.left - LANDSCAPE.right;
/** One character of 三号 (16 pt) body text in twips: the unit of indents. */
const CHAR = 320;
/** 22 lines to the 225 mm text block: a fixed 29 pt line. */
const BODY_LINE = 580;

const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const FONT = {
  body: { ...latin, eastAsia: 'FangSong' },
  title: { ...latin, eastAsia: 'SimSun' },
  heading: { ...latin, eastAsia: 'SimHei' },
  subheading: { ...latin, eastAsia: 'KaiTi' },
  table: { ...latin, eastAsia: 'SimSun' },
};
const RED = 'C00000';

/**
 * The font table Word and WPS use to match a declared face: the Chinese name as altName, GB2312
 * charset and panose, so 仿宋/宋体/黑体/楷体 resolve on any Windows locale. LibreOffice ignores these
 * hints and asks fontconfig, which falls back to Noto CJK.
 */
const FONT_TABLE = [
  { name: 'FangSong', alt: '仿宋', panose: '02010609060101010101', family: 'modern', pitch: 'fixed', charset: '86' },
  { name: 'SimSun', alt: '宋体', panose: '02010600030101010101', family: 'auto', pitch: 'variable', charset: '86' },
  { name: 'SimHei', alt: '黑体', panose: '02010609060101010101', family: 'modern', pitch: 'fixed', charset: '86' },
  { name: 'KaiTi', alt: '楷体', panose: '02010609060101010101', family: 'modern', pitch: 'fixed', charset: '86' },
  { name: 'Times New Roman', alt: null, panose: '02020603050405020304', family: 'roman', pitch: 'variable', charset: '00' },
];
const FONT_TABLE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('') +
  '</w:fonts>';

const STYLE = {
  body: 'BulletinBody',
  title: 'BulletinTitle',
  heading1: 'BulletinHeading1',
  heading2: 'BulletinHeading2',
  table: 'BulletinTableText',
  caption: 'BulletinCaption',
} as const;

const run = (text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}) => new TextRun({ ...options, text: clean(text) });

/** Office-edited text: each non-blank line is a paragraph. */
const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

const body = (children: TextRun[] | string, options: { indent?: boolean } = {}) =>
  new Paragraph({
    style: STYLE.body,
    ...(options.indent === false ? { indent: { firstLine: 0 } } : {}),
    children: typeof children === 'string' ? [run(children)] : children,
  });

const heading1 = (n: number, text: string) => new Paragraph({ style: STYLE.heading1, children: [run(`${chineseNumeral(n)}、${text}`)] });
const heading2 = (n: number, text: string) => new Paragraph({ style: STYLE.heading2, children: [run(`（${chineseNumeral(n)}）${text}`)] });
/** A run-in （一） heading: the heading in 楷体, the rest of the paragraph in the body font. */
const runIn = (n: number, head: string, text: string) =>
  body([run(`（${chineseNumeral(n)}）${head}。`, { font: FONT.subheading }), run(text)]);
const caption = (text: string) => new Paragraph({ style: STYLE.caption, children: [run(text)] });

// ── tables ───────────────────────────────────────────────────────────────────────────────────────

type Align = 'left' | 'center';
interface Column {
  header: string;
  width: number;
  align: Align;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(text: string, column: Column, options: { header?: boolean; rowSpan?: number; lines?: string[] } = {}): TableCell {
  const lines = options.lines ?? [text];
  return new TableCell({
    width: { size: column.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: CELL_BORDERS,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    ...(options.rowSpan && options.rowSpan > 1 ? { rowSpan: options.rowSpan } : {}),
    children: lines.map(
      (line, i) =>
        new Paragraph({
          style: STYLE.table,
          alignment: options.header || column.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(line, options.header ? { font: FONT.heading } : i > 0 ? { size: 18 } : {})],
        }),
    ),
  });
}

/** Column widths given as shares of the text width; the last column takes the rounding rest. */
function columns(spec: readonly [string, number, Align][], width = TEXT_WIDTH): Column[] {
  const total = spec.reduce((s, [, share]) => s + share, 0);
  const cols = spec.map(([header, share, align]) => ({ header, width: Math.floor((share / total) * width), align }));
  const last = cols[cols.length - 1];
  if (last) last.width += width - cols.reduce((s, c) => s + c.width, 0);
  return cols;
}

function table(cols: Column[], rows: TableRow[]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: cols.reduce((s, c) => s + c.width, 0), type: WidthType.DXA },
    columnWidths: cols.map((c) => c.width),
    alignment: AlignmentType.CENTER,
    rows: [new TableRow({ tableHeader: true, cantSplit: true, children: cols.map((c) => cell(c.header, c, { header: true })) }), ...rows],
  });
}

const textRow = (cols: Column[], texts: string[]) =>
  new TableRow({ cantSplit: true, children: cols.map((c, i) => cell(texts[i] ?? '', c)) });

export function formatRankDelta(delta: number | null): string {
  if (delta === null) return '—';
  if (delta === 0) return '持平';
  return delta > 0 ? `▲${delta}` : `▼${-delta}`;
}

const orDash = (value: number | null, format: (n: number) => string) => (value === null ? '—' : format(value));

function summaryTable(data: BulletinData): Table {
  // Widths in twips for the figures (a 五号 character is 210), the category takes the rest.
  const figures: [string, number, Align][] = [
    ['单位数', 820, 'center'],
    ['平均分', 860, 'center'],
    ['最高分', 860, 'center'],
    ['最低分', 860, 'center'],
    ['合格率', 900, 'center'],
    ...data.grades.map((g): [string, number, Align] => [g, Math.max(2, g.length) * 210 + 220, 'center']),
  ];
  const cols = columns([['类别', Math.max(1800, TEXT_WIDTH - figures.reduce((s, [, w]) => s + w, 0)), 'left'], ...figures]);
  const countOf = (counts: BulletinGroup['gradeCounts'], grade: string) => String(counts.find((c) => c.grade === grade)?.count ?? 0);
  const rows = data.groups.map((g) =>
    textRow(cols, [
      g.name,
      String(g.unitCount),
      orDash(g.average, formatScore),
      orDash(g.max, formatScore),
      orDash(g.min, formatScore),
      orDash(g.passRate, formatRate),
      ...data.grades.map((grade) => countOf(g.gradeCounts, grade)),
    ]),
  );
  const all = data.groups.flatMap((g) => g.rows.map((r) => r.score));
  const o = data.overall;
  rows.push(
    textRow(cols, [
      '全市合计',
      String(o.unitsAssessed),
      orDash(o.average, formatScore),
      all.length === 0 ? '—' : formatScore(Math.max(...all)),
      all.length === 0 ? '—' : formatScore(Math.min(...all)),
      orDash(o.passRate, formatRate),
      ...data.grades.map((grade) => countOf(o.gradeCounts, grade)),
    ]),
  );
  return table(cols, rows);
}

function rankingTable(group: BulletinGroup): Table {
  const cols = columns([
    ['排名', 7, 'center'],
    ['名次变化', 12, 'center'],
    ['单位名称', 37, 'left'],
    ['得分', 10, 'center'],
    ['等次', 9, 'center'],
    ['备注', 25, 'left'],
  ]);
  return table(
    cols,
    group.rows.map((r) =>
      textRow(cols, [
        r.rank === null ? '—' : String(r.rank),
        formatRankDelta(r.rankDelta),
        r.unitName,
        formatScore(r.score),
        r.grade,
        r.note ?? '',
      ]),
    ),
  );
}

function annexTable(annex: BulletinAnnex): Table {
  const cols = columns(
    [
      ['序号', 4.5, 'center'],
      ['单位名称', 18, 'left'],
      ['失分指标', 22, 'left'],
      ['问题描述', 50, 'left'],
      ['扣分', 5.5, 'center'],
    ],
    LANDSCAPE_WIDTH,
  );
  const rows: TableRow[] = [];
  annex.units.forEach((unit, i) => {
    const findings = unit.findings.length > 0 ? unit.findings : [{ indicator: '—', description: '未发现扣分问题', pointsLost: 0 }];
    findings.forEach((f, j) => {
      const points = f.pointsLost === 0 ? '—' : formatScore(f.pointsLost);
      const lead =
        j === 0
          ? [
              cell(String(i + 1), cols[0] as Column, { rowSpan: findings.length }),
              cell(unit.unitName, cols[1] as Column, {
                rowSpan: findings.length,
                lines: unit.score === null ? [unit.unitName] : [unit.unitName, `（得分${formatScore(unit.score)}）`],
              }),
            ]
          : [];
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            ...lead,
            cell(f.indicator, cols[2] as Column),
            cell(f.description, cols[3] as Column),
            cell(points, cols[4] as Column),
          ],
        }),
      );
    });
  });
  return table(cols, rows);
}

// ── sections ─────────────────────────────────────────────────────────────────────────────────────

function letterhead(data: BulletinData): Paragraph[] {
  const name = clean(data.officeName);
  const size = Math.max(20, Math.min(36, Math.floor(((TEXT_WIDTH / 20) * 0.96) / Math.max(1, name.length))));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 1134, after: 0, line: size * 30, lineRule: LineRuleType.EXACT },
      children: [run(name, { font: FONT.title, bold: true, size: size * 2, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 2 * BODY_LINE, after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 10 } },
      children: [run(data.documentNumber, { font: FONT.body, size: 32 })],
    }),
  ];
}

function mentionList(groups: readonly BulletinGroupMentions[], withReason: boolean): Paragraph[] {
  return groups
    .filter((g) => g.units.length > 0)
    .map((g) =>
      body([
        run(`${g.groupName}（${g.units.length}个）：`, { font: FONT.subheading }),
        run(
          `${g.units.map((u) => `${u.unitName}（${formatScore(u.score)}分${withReason && u.reason ? `，${u.reason}` : ''}）`).join('、')}。`,
        ),
      ]),
    );
}

function overallSection(data: BulletinData): (Paragraph | Table)[] {
  const o = data.overall;
  const out: (Paragraph | Table)[] = [heading1(1, '总体情况'), ...linesOf(data.wording.overallComment).map((l) => body(l))];
  if (o.unitsAssessed > 0) {
    const grades = o.gradeCounts.map((c) => `${c.grade}${c.count}个`).join('、');
    out.push(
      body(
        `${data.periodLabel}共考评单位${o.unitsAssessed}个，平均得分${orDash(o.average, formatScore)}分，合格率${orDash(o.passRate, formatRate)}` +
          `${o.previousPassRate === null ? '' : `（${previousPeriodWord(data.periodCode)}${formatRate(o.previousPassRate)}）`}。按考评等次分，${grades}。各类别考评情况见表1。`,
      ),
      caption(`表1  ${data.periodLabel}各类别考评情况汇总`),
      summaryTable(data),
    );
  }
  return out;
}

function rankingSection(data: BulletinData): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    heading1(2, '各类别考评得分及排名'),
    body(
      '各类别得分及排名情况如下。名次变化为与上期相比，“▲”表示上升，“▼”表示下降，“—”表示无可比名次；触发单项否决的单位不参与排名，得分仅作参考。',
    ),
  ];
  if (data.groups.length === 0) out.push(body('本期未设置考评类别。'));
  data.groups.forEach((g, i) => {
    out.push(heading2(i + 1, g.name));
    if (g.unitCount === 0 || g.rows.length === 0) {
      out.push(body('本类别本期无参加考评的单位。'));
      return;
    }
    out.push(
      body(
        `本类别共考评单位${g.unitCount}个，平均得分${orDash(g.average, formatScore)}分，最高分${orDash(g.max, formatScore)}分，最低分${orDash(g.min, formatScore)}分，合格率${orDash(g.passRate, formatRate)}。`,
      ),
      caption(`表${i + 2}  ${g.name}考评得分及排名`),
      rankingTable(g),
    );
  });
  return out;
}

function mentionsSection(data: BulletinData): Paragraph[] {
  const praised = data.praised.filter((g) => g.units.length > 0);
  const below = data.belowPassLine.filter((g) => g.units.length > 0);
  return [
    heading1(3, '通报表扬和未达到合格线的单位'),
    heading2(1, '通报表扬的单位'),
    ...(praised.length === 0
      ? [body('本期无予以通报表扬的单位。')]
      : [body('对各类别得分第一名和考评等次为优秀的以下单位予以通报表扬：'), ...mentionList(praised, false)]),
    heading2(2, '未达到合格线的单位'),
    ...(below.length === 0
      ? [body(`本期所有参评单位均达到合格线（${data.passLine}分）。`)]
      : [body(`以下单位得分低于合格线（${data.passLine}分）或触发单项否决，考评等次为不合格，予以通报：`), ...mentionList(below, true)]),
  ];
}

function problemsSection(data: BulletinData): Paragraph[] {
  const out = [heading1(4, '存在的主要问题')];
  if (data.problemCategories.length === 0) return [...out, body('本期考评未发现共性问题。')];
  const total = data.problemCategories.reduce((s, c) => s + c.findingCount, 0);
  out.push(body(`本期考评共发现问题${total}个，主要集中在以下方面（各单位问题清单见附件）：`));
  data.problemCategories.forEach((c, i) => {
    const examples = c.examples.map((e) => `${e.unitName}${e.description}`).join('；');
    out.push(
      runIn(
        i + 1,
        c.category,
        `${c.summary}，共发现问题${c.findingCount}个，涉及${c.unitCount}个单位。${examples === '' ? '' : `如：${examples}。`}`,
      ),
    );
  });
  return out;
}

function rectificationSection(data: BulletinData): Paragraph[] {
  const r = data.rectification;
  const out = [heading1(5, `${previousPeriodWord(data.periodCode)}问题整改情况`)];
  if (r === null) return [...out, body('本期为首次考评，无上期整改事项。')];
  if (r.itemCount === 0) return [...out, body(`${r.previousPeriodLabel}通报未涉及需要整改的问题。`)];
  out.push(
    body(
      `对${r.previousPeriodLabel}通报的问题，各单位共需整改${r.itemCount}项。经复核，按期整改销号${r.closedOnTime}项，按期整改率${orDash(r.onTimeRate, formatRate)}；` +
        `逾期整改销号${r.closedLate}项；截至本通报印发时，仍有${r.overdue}项逾期未整改到位。`,
    ),
  );
  out.push(
    r.notReportedUnits.length === 0
      ? body('各单位均按期反馈了整改情况。')
      : body(`以下${r.notReportedUnits.length}个单位未按期反馈整改情况，予以通报：${r.notReportedUnits.join('、')}。`),
  );
  if (r.repeatedUnits.length > 0) out.push(body(`以下单位存在整改不彻底、同类问题再次出现的情况：${r.repeatedUnits.join('、')}。`));
  return out;
}

function requirementsSection(data: BulletinData): Paragraph[] {
  const out = [heading1(6, '工作要求'), ...linesOf(data.wording.requirementsIntro).map((l) => body(l))];
  data.requirements.forEach((req, i) => {
    const due = req.dueDate === null ? '' : `完成时限：${formatChineseDate(req.dueDate)}前。`;
    out.push(runIn(i + 1, req.heading, `${req.text}${due}`));
  });
  return out;
}

function closingBlock(data: BulletinData): Paragraph[] {
  // From the last body paragraph to the signature everything is kept together, so the signature
  // never stands alone on a page (GB/T 9704 avoids a page holding only the signature and date).
  const keep = { keepNext: true, keepLines: true };
  const lines = linesOf(data.wording.closing);
  const out = lines.map((l, i) => new Paragraph({ style: STYLE.body, ...(i === lines.length - 1 ? keep : {}), children: [run(l)] }));
  if (data.contact)
    out.push(
      new Paragraph({ style: STYLE.body, ...keep, children: [run(`联系人：${data.contact.name}，联系电话：${data.contact.phone}。`)] }),
    );
  if (data.annexes.length > 0) {
    out.push(new Paragraph({ style: STYLE.body, ...keep, children: [] }));
    // "附件：1．…": the numbers line up under the first one, wrapped titles under the title text.
    const number = Math.round(1.5 * CHAR);
    data.annexes.forEach((a, i) =>
      out.push(
        new Paragraph({
          style: STYLE.body,
          ...keep,
          indent: { left: 5 * CHAR + number, hanging: i === 0 ? 3 * CHAR + number : number },
          children: [run(`${i === 0 ? '附件：' : ''}${i + 1}．${a.title}`)],
        }),
      ),
    );
  }
  const office = clean(data.officeName);
  const date = formatChineseDate(data.issueDate);
  // The date's width in characters: digits are half width.
  const dateChars = [...date].reduce((s, ch) => s + (/[0-9]/.test(ch) ? 0.5 : 1), 0);
  const dateIndent = 2 * CHAR + Math.max(0, Math.round(((office.length - dateChars) / 2) * CHAR));
  out.push(
    new Paragraph({ style: STYLE.body, ...keep, children: [] }),
    new Paragraph({ style: STYLE.body, ...keep, children: [] }),
    new Paragraph({
      style: STYLE.body,
      ...keep,
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0, right: 2 * CHAR },
      children: [run(office)],
    }),
    new Paragraph({
      style: STYLE.body,
      ...(data.publicity ? keep : {}),
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0, right: dateIndent },
      children: [run(date)],
    }),
  );
  if (data.publicity) out.push(body(`（${data.publicity}）`));
  return out;
}

function annexPages(data: BulletinData): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  data.annexes.forEach((annex, i) => {
    out.push(
      new Paragraph({
        style: STYLE.body,
        pageBreakBefore: i > 0,
        indent: { firstLine: 0 },
        children: [run(`附件${i + 1}`, { font: FONT.heading })],
      }),
      new Paragraph({
        style: STYLE.title,
        spacing: { before: BODY_LINE, after: BODY_LINE, line: 640, lineRule: LineRuleType.EXACT },
        children: [run(annex.title, { size: 36 })],
      }),
    );
    if (annex.units.length === 0) out.push(body('本类别各单位本期未发现扣分问题。'));
    else out.push(annexTable(annex));
  });
  return out;
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.table, size: 28 })],
      }),
    ],
  });
}

export async function buildBulletinDocx(data: BulletinData): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...letterhead(data),
    new Paragraph({
      style: STYLE.title,
      spacing: { before: 2 * BODY_LINE, after: BODY_LINE, line: 700, lineRule: LineRuleType.EXACT },
      children: [run(data.title)],
    }),
    body(data.addressees, { indent: false }),
    ...linesOf(data.wording.basis).map((l) => body(l)),
    ...overallSection(data),
    ...rankingSection(data),
    ...mentionsSection(data),
    ...problemsSection(data),
    ...rectificationSection(data),
    ...requirementsSection(data),
    ...closingBlock(data),
  ];
  const annexes = annexPages(data);
  const bodyParagraph = {
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: 2 * CHAR },
  };
  const document = new Document({
    creator: clean(data.officeName),
    title: clean(data.title),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: FONT.body, size: 32, language: { value: 'en-US', eastAsia: 'zh-CN' } } } },
      paragraphStyles: [
        {
          id: STYLE.body,
          name: 'Bulletin Body',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: FONT.body, size: 32 },
          paragraph: { ...bodyParagraph, alignment: AlignmentType.JUSTIFIED },
        },
        {
          id: STYLE.title,
          name: 'Bulletin Title',
          basedOn: 'Normal',
          next: STYLE.body,
          quickFormat: true,
          run: { font: FONT.title, size: 44, bold: true },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT } },
        },
        {
          id: STYLE.heading1,
          name: 'Bulletin Heading 1',
          basedOn: STYLE.body,
          next: STYLE.body,
          quickFormat: true,
          run: { font: FONT.heading, size: 32 },
          paragraph: { ...bodyParagraph, keepNext: true, keepLines: true, outlineLevel: 0 },
        },
        {
          id: STYLE.heading2,
          name: 'Bulletin Heading 2',
          basedOn: STYLE.body,
          next: STYLE.body,
          quickFormat: true,
          run: { font: FONT.subheading, size: 32 },
          paragraph: { ...bodyParagraph, keepNext: true, keepLines: true, outlineLevel: 1 },
        },
        {
          id: STYLE.caption,
          name: 'Bulletin Table Caption',
          basedOn: 'Normal',
          next: STYLE.body,
          run: { font: FONT.heading, size: 28 },
          paragraph: {
            alignment: AlignmentType.CENTER,
            keepNext: true,
            spacing: { before: 120, after: 120, line: 400, lineRule: LineRuleType.EXACT },
          },
        },
        {
          id: STYLE.table,
          name: 'Bulletin Table Text',
          basedOn: 'Normal',
          run: { font: FONT.table, size: 21 },
          paragraph: { spacing: { line: 280, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, indent: { firstLine: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer, header: 851 },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
      ...(annexes.length === 0
        ? []
        : [
            {
              properties: {
                type: SectionType.NEXT_PAGE,
                page: {
                  size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
                  margin: { ...LANDSCAPE, footer: 851, header: 851 },
                },
              },
              footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
              children: annexes,
            },
          ]),
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE_XML }]);
}
