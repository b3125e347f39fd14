import { describe, expect, it } from 'vitest';
import { cityNameOf, defaultRequirements, fullWidthBrackets, problemSummary } from './bulletin-wording';

describe('bulletin wording', () => {
  it('words the document: problem summaries, full-width brackets, the city of the scheme', () => {
    expect(problemSummary(['答复期限'])).toBe('主要是答复期限方面的问题');
    expect(problemSummary(['甲', '乙', '丙', '丁'])).toBe('主要集中在甲、乙、丙等方面');
    expect(fullWidthBrackets('县(市、区)政府')).toBe('县（市、区）政府');
    expect(cityNameOf('江临市2026年度政务公开工作考核评分细则')).toBe('江临市');
    expect(cityNameOf('2026年度考核细则')).toBe('本市');
  });

  it('asks for a follow-up only when last period left overdue or unreported items', () => {
    const deadlines = { rectification: '2025-11-03', followUp: '2025-10-27', nextSnapshot: '2025-12-31' };
    const rectification = (overdue: number, notReported: number) => ({
      period: '2025Q2',
      asOf: '2025-10-20',
      figures: {
        total: 3,
        open: 1,
        overdue,
        closed: 1,
        explained: 0,
        cancelled: 0,
        carriedOver: 0,
        closedOnTime: 1,
        closedLate: 0,
        returnedAtRecheck: 0,
        awaitingOffice: 0,
        awaitingUnit: 1,
        onTimeClosureRate: { numerator: 1, denominator: 1, value: 1 },
      },
      notReportedBack: Array.from({ length: notReported }, (_, i) => ({ unitId: i, code: `U${i}`, name: `单位${i}`, items: 1 })),
      overdueUnits: [],
      repeatedUnits: [],
    });
    const headings = (r: ReturnType<typeof rectification> | null, next: string | null = '2025-12-31') =>
      defaultRequirements({ deadlines: { ...deadlines, nextSnapshot: next }, rectification: r }, '市政务公开办').map((q) => [
        q.heading,
        q.dueDate,
      ]);
    expect(headings(null)).toEqual([
      ['抓好问题整改', '2025-11-03'],
      ['建立长效机制', null],
      ['做好下期考评准备', '2025-12-31'],
    ]);
    expect(headings(rectification(0, 0), null).map(([h]) => h)).toEqual(['抓好问题整改', '建立长效机制']);
    expect(headings(rectification(1, 0))[1]).toEqual(['补报上期整改情况', '2025-10-27']);
    expect(headings(rectification(0, 1))[1]).toEqual(['补报上期整改情况', '2025-10-27']);
  });
});
