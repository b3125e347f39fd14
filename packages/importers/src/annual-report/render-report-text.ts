// Renders a report (e.g. from generateReport) as the copies offices really receive (spec §6): pipe
// rows, markdown, one cell per line (with or without lone `|` lines), crawler text with every cell
// run together, PDF text with page markers and wrapped labels, HTML saved from Word, traditional
// script with inline pinyin; and as real .docx and .pdf files. Fixtures for tests and the bench.
import type { ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import {
  APPLY_TABLE_NOTE,
  CASE_GROUPS,
  CASE_OUTCOME_KEYS,
  SECTION_TITLES,
  cellKeyOf,
  reportTemplate,
} from '@kaoping/domain/annual-report/template';
import type { TemplateTable } from '@kaoping/domain/annual-report/template';
import * as OpenCC from 'opencc-js/cn2t';
import { layoutPdfLines, makeDocx, makePdf } from './fixture-documents';
import type { DocxBlock } from './fixture-documents';

export interface RenderableReport {
  unit: string;
  year: number;
  format: ReportFormat;
  cells: Readonly<Record<string, number | null>>;
}

export type ReportLayout = 'pipe' | 'markdown' | 'cell-per-line' | 'cell-per-line-pipes' | 'run-together' | 'pdf-text' | 'word-html';
export const REPORT_LAYOUTS: readonly ReportLayout[] = [
  'pipe',
  'markdown',
  'cell-per-line',
  'cell-per-line-pipes',
  'run-together',
  'pdf-text',
  'word-html',
];

export interface RenderOptions {
  /** Convert to traditional script (OpenCC cn → tw), as content-farm mirrors do. */
  traditional?: boolean;
  /** Insert pinyin in parentheses after some characters ("报(bào)告"). */
  pinyin?: boolean;
}

/** A table as rows of cells; `label` cells come first in a row. */
interface Table {
  rows: string[][];
  /** Leading header rows (not data). */
  header: number;
}
type Block = { text: string } | { heading: string } | { table: Table };

const value = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

function activeTables(report: RenderableReport, tables: readonly TemplateTable[]): Table[] {
  return tables.map((t) => ({
    header: 2,
    rows: [
      [t.block ?? ''],
      ['信息内容', ...t.columns.map((c) => c.label)],
      ...t.rows.map((r) => [r.label, ...t.columns.map((c) => value(report.cells[cellKeyOf(r, c)]))]),
    ],
  }));
}

function applyTable(report: RenderableReport, table: TemplateTable): Table {
  const rows: string[][] = [
    [APPLY_TABLE_NOTE, '申请人情况'],
    ['自然人', '法人或其他组织', '总计'],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  ];
  let subgroup: string | undefined;
  let inResult = false;
  for (const r of table.rows) {
    const labels: string[] = [];
    if (r.group && !inResult) {
      labels.push(r.group);
      inResult = true;
    }
    if (r.subgroup && r.subgroup !== subgroup && r.subgroup !== r.label) labels.push(r.subgroup);
    subgroup = r.subgroup;
    labels.push(r.label);
    rows.push([...labels, ...table.columns.map((c) => value(report.cells[cellKeyOf(r, c)]))]);
  }
  return { header: 3, rows };
}

function casesTable(report: RenderableReport): Table {
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return {
    header: 3,
    rows: [
      ['行政复议', '行政诉讼'],
      [...outcomes, '未经复议直接起诉', '复议后起诉'],
      [...outcomes, ...outcomes],
      CASE_GROUPS.flatMap((g) => CASE_OUTCOME_KEYS.map((o) => value(report.cells[`${g.key}.${o}`]))),
    ],
  };
}

function blocksOf(report: RenderableReport): Block[] {
  const c = report.cells;
  const n = (k: string) => value(c[k]) || '0';
  const litigation = (c['litigation.direct.total'] ?? 0) + (c['litigation.after_review.total'] ?? 0);
  const sections = reportTemplate(report.format);
  const tables = (numeral: string) => sections.find((s) => s.numeral === numeral)?.tables ?? [];
  const apply = tables('三')[0];
  return [
    { heading: `${report.unit}${report.year}年政府信息公开工作年度报告` },
    { text: `本报告根据《中华人民共和国政府信息公开条例》编制, 统计期限自${report.year}年1月1日至${report.year}年12月31日。` },
    { heading: SECTION_TITLES.一 },
    {
      text: `${report.year}年, 本单位认真落实政府信息公开各项要求。全年共收到政府信息公开申请${n('apply.new.total')}件, 上年结转${n('apply.carried_in.total')}件, 办结${n('apply.result.total.total')}件, 结转下年度${n('apply.carried_out.total')}件。发生政府信息公开行政复议${n('review.total')}件, 行政诉讼${litigation}件。`,
    },
    { heading: SECTION_TITLES.二 },
    ...activeTables(report, tables('二')).map((table) => ({ table })),
    { heading: SECTION_TITLES.三 },
    ...(apply ? [{ table: applyTable(report, apply) }] : []),
    { heading: SECTION_TITLES.四 },
    { table: casesTable(report) },
    { heading: SECTION_TITLES.五 },
    { text: '一是政策解读形式还不够丰富; 二是信息更新及时性有待提高。下一步将加强培训, 完善审核机制。' },
    { heading: SECTION_TITLES.六 },
    { text: '本年度未收取信息处理费。' },
  ];
}

// ─── Layouts ──────────────────────────────────────────────────────────────────────

const isLabel = (cell: string) => cell !== '' && !/^-?\d+(\.\d+)?$/.test(cell);

/** PDF text lines; `\t` separates cells placed apart on the page. */
function pdfLines(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if ('heading' in b) out.push(b.heading);
    else if ('text' in b) for (let i = 0; i < b.text.length; i += 30) out.push(b.text.slice(i, i + 30));
    else
      b.table.rows.forEach((row, r) => {
        if (r < b.table.header) {
          // Multi-line header cells come out one short piece per line.
          for (const cell of row) for (let i = 0; i < cell.length; i += 4) out.push(cell.slice(i, i + 4));
          return;
        }
        const labels = row.filter(isLabel);
        const values = row.filter((x) => !isLabel(x)).map((x) => (x === '' ? '' : x));
        const [group, ...rest] = labels;
        const label = labels.length > 1 && group && group.startsWith('三、') ? rest.join(' ') : labels.join(' ');
        if (labels.length > 1 && group?.startsWith('三、')) for (const ch of group) out.push(ch); // vertical group label
        if (label.length > 26) {
          // Long label wrapped over several lines, the numbers on a line of their own.
          for (let i = 0; i < label.length; i += 14) out.push(label.slice(i, i + 14));
          out.push(values.join('\t'));
        } else if (label.length > 16) {
          out.push(label.slice(0, 14));
          out.push([label.slice(14), ...values].join('\t'));
        } else out.push([label, ...values].join('\t'));
      });
  }
  // Page markers every 28 lines, inside tables as in real PDF text.
  const paged: string[] = [];
  out.forEach((line, i) => {
    if (i > 0 && i % 28 === 0) paged.push(`- ${i / 28 + 1} -`);
    paged.push(line);
  });
  return paged;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function wordHtml(blocks: readonly Block[]): string {
  const p = (text: string) => `<p class=MsoNormal><span style='font-family:仿宋_GB2312'>${esc(text)}<o:p></o:p></span></p>`;
  const body = blocks.map((b) => {
    if ('heading' in b) return `<p class=MsoNormal align=center><b><span style='font-family:黑体'>${esc(b.heading)}</span></b></p>`;
    if ('text' in b) return p(b.text);
    const rows = b.table.rows
      .map(
        (row) =>
          `<tr style='height:20.0pt'>\n${row
            .map(
              (cell) =>
                `<td width=60 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span lang=EN-US>${cell === '' ? '&nbsp;' : esc(cell)}<o:p></o:p></span></p></td>`,
            )
            .join('\n')}\n</tr>`,
      )
      .join('\n');
    return `<div align=center><table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>\n${rows}\n</table></div>`;
  });
  return [
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">',
    '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">',
    '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->',
    '<style><!-- p.MsoNormal {margin:0cm; font-size:10.5pt;} --></style></head>',
    "<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>",
    ...body,
    '<p class=MsoNormal><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></p>',
    '</div></body></html>',
  ].join('\n');
}

function textLayout(blocks: readonly Block[], layout: Exclude<ReportLayout, 'pdf-text' | 'word-html'>): string {
  const out: string[] = [];
  for (const b of blocks) {
    if ('heading' in b) out.push(layout === 'markdown' ? `## ${b.heading}` : b.heading, '');
    else if ('text' in b) out.push(b.text, '');
    else {
      const { rows, header } = b.table;
      if (layout === 'run-together') out.push(rows.map((r) => r.join('')).join(''));
      else if (layout === 'pipe' || layout === 'markdown')
        rows.forEach((r, i) => {
          // Header rows of merged cells leave colspan debris at the line end: `| |||`.
          out.push(`| ${r.join(' | ')} |${layout === 'pipe' && i < header ? ' |||' : ''}`);
          if (layout === 'markdown' && i === 0) out.push(`|${' --- |'.repeat(r.length)}`);
        });
      else if (layout === 'cell-per-line') for (const r of rows) for (const cell of r) out.push(cell, '');
      else {
        out.push('|');
        for (const r of rows) for (const cell of r) out.push(cell, '|');
      }
      out.push('');
    }
  }
  return out.join('\n');
}

let cn2t: ((s: string) => string) | undefined;
const PINYIN: Record<string, string> = { 報: 'bào', 請: 'qǐng', 據: 'jù', 國: 'guó', 務: 'wù', 開: 'kāi', 規: 'guī', 實: 'shí' };

function traditionalize(text: string, pinyin: boolean): string {
  cn2t ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  const t = cn2t(text);
  if (!pinyin) return t;
  let i = 0;
  return t.replace(/[報請據國務開規實]/g, (ch) => (i++ % 3 === 0 ? `${ch}(${PINYIN[ch] ?? ''})` : ch));
}

export function renderReportText(report: RenderableReport, layout: ReportLayout, options: RenderOptions = {}): string {
  const blocks = blocksOf(report);
  const text =
    layout === 'pdf-text'
      ? pdfLines(blocks)
          .map((l) => l.replace(/\t/g, ' '))
          .join('\n')
      : layout === 'word-html'
        ? wordHtml(blocks)
        : textLayout(blocks, layout);
  return options.traditional ? traditionalize(text, options.pinyin ?? false) : text;
}

/** A real .docx: paragraphs, and the tables as Word tables (blank cells empty). */
export function renderReportDocx(report: RenderableReport): Uint8Array {
  const blocks: DocxBlock[] = blocksOf(report).map((b) => ('heading' in b ? b.heading : 'text' in b ? b.text : { table: b.table.rows }));
  return makeDocx(blocks);
}

/** A real .pdf laid out like the PDF text layout; `textLayer: false` makes a "scan". */
export function renderReportPdf(report: RenderableReport, options: { textLayer?: boolean } = {}): Uint8Array {
  return makePdf(layoutPdfLines(pdfLines(blocksOf(report))), options);
}
