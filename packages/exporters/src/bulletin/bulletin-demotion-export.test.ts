// Issue #15 §9: a unit graded 良好 because the 优秀 quota was full is said in words in the .docx
// ranking table and the .xlsx 备注, from the domain's figures through the view model.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assembleBulletinFigures } from '@kaoping/domain/bulletin/bulletin-figures';
import { defaultDraftContent } from '@kaoping/domain/bulletin/bulletin-wording';
import { computePeriodResults } from '@kaoping/domain/scoring/compute-period';
import { compileOrThrow, makeScores, makeUnit, manualScheme } from '@kaoping/domain/scoring/scoring-fixtures';
import { rankingNote } from './bulletin-data';
import { buildBulletinDocx } from './bulletin-docx';
import { toBulletinData } from './bulletin-from-figures';
import { buildRankingsXlsx } from './bulletin-xlsx';
import { docxText } from './test-zip';

const Q = '2025Q3';
const NOTE = '因优秀名额限制，等次由优秀调整为良好';

function bulletinData() {
  const scheme = compileOrThrow(manualScheme({ grading: { ...manualScheme().grading, quota: { grade: '优秀', maxPct: 20 } } }));
  // 20 % of five units = one 优秀 place: 单位U2 (95) and 单位U3 (92) are graded 良好 by the quota.
  const finals: Record<string, string> = { U1: '98', U2: '95', U3: '92', U4: '85', U5: '70' };
  const computed = computePeriodResults(
    scheme,
    Q,
    {
      units: Object.keys(finals).map((u) => makeUnit(u, 'A')),
      scores: Object.entries(finals).flatMap(([u, v]) => makeScores(u, Q, { '1.1': v })),
      findings: [],
      events: [],
      rectifications: [],
    },
    { previousRanks: [] },
  );
  if (!computed.ok) throw new Error(JSON.stringify(computed.issues));
  const figures = assembleBulletinFigures(
    { scheme, results: computed.results, previousResults: null, findings: [], events: [], unitIds: new Map() },
    {
      period: { code: Q, year: 2025, quarter: 3, startDate: '2025-07-01', endDate: '2025-09-30' },
      previousPeriod: null,
      round: {
        id: 1,
        title: '三季度测评',
        kind: 'office',
        status: 'published',
        publishedAt: null,
        publishedOn: null,
        publicationSequence: 1,
      },
      asOf: '2025-10-20',
      rectification: null,
      deadlines: { rectification: '2025-11-03', followUp: '2025-10-27', nextSnapshot: '2025-12-31' },
    },
  );
  return toBulletinData(figures, defaultDraftContent(figures, '2025-10-20', null));
}

describe('quota demotion in the exported bulletin', () => {
  it('words the 备注 of vetoes and demotions', () => {
    expect(rankingNote({ vetoes: [], demotedFrom: '优秀', grade: '良好' })).toBe(NOTE);
    expect(rankingNote({ vetoes: ['泄露隐私'], demotedFrom: null, grade: '不合格' })).toBe('单项否决：泄露隐私');
    expect(rankingNote({ vetoes: [], demotedFrom: null, grade: '良好' })).toBeNull();
  });

  it('says it in the .xlsx 备注 of the demoted units only', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildRankingsXlsx(bulletinData())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('甲组');
    if (!sheet) throw new Error('no ranking sheet');
    const rows = [3, 4, 5, 6, 7].map((r) => [sheet.getCell(r, 3).value, sheet.getCell(r, 5).value, sheet.getCell(r, 6).value]);
    expect(rows).toEqual([
      ['单位U1', '优秀', ''],
      ['单位U2', '良好', NOTE],
      ['单位U3', '良好', NOTE],
      ['单位U4', '良好', ''],
      ['单位U5', '合格', ''],
    ]);
  });

  it('says it in the .docx ranking table', async () => {
    const text = docxText(await buildBulletinDocx(bulletinData()));
    // Each demoted unit's row: name, score, grade, then the note.
    expect(text).toContain(`单位U295.00良好${NOTE}`);
    expect(text).toContain(`单位U392.00良好${NOTE}`);
    expect(text.split(NOTE).length - 1).toBe(2);
  });
});
