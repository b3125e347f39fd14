import { describe, expect, it } from 'vitest';
import type { RankingUnit } from '../../charts/options/ranking-bar';
import { buildPresentationRankingOption, HIGHLIGHT_COLORS, richSafe, selectPresentationUnits } from './presentation-ranking';

const XSS = '<img src=x onerror=alert(1)>';
const unit = (i: number, over: Partial<RankingUnit> = {}): RankingUnit => ({
  key: `U${String(i).padStart(3, '0')}`,
  name: `单位${i}`,
  score: 100 - i,
  rank: i,
  rankDelta: 0,
  grade: i > 8 ? '不合格' : '良好',
  ...over,
});

type Axis = { axisLabel: { formatter: (key: string) => string; fontSize: number; rich: Record<string, { backgroundColor?: string }> } };

describe('the ranking slide', () => {
  it('shows a small group whole and highlights its three best and three last', () => {
    const units = [...Array.from({ length: 10 }, (_, i) => unit(i + 1)), unit(11, { score: null, rank: null, grade: null })];
    const view = selectPresentationUnits(units);
    expect(view).toMatchObject({ total: 10, isCut: false });
    expect(view.units.map((u) => u.key)).toHaveLength(10);
    expect([...view.top]).toEqual(['U001', 'U002', 'U003']);
    expect([...view.bottom]).toEqual(['U008', 'U009', 'U010']);
  });

  it('cuts a large group to its first and last ten, the veto-failed unit last', () => {
    const units = [...Array.from({ length: 99 }, (_, i) => unit(i + 1)), unit(100, { rank: null, score: 30, isVetoFail: true })];
    const view = selectPresentationUnits(units);
    expect(view).toMatchObject({ total: 100, isCut: true });
    expect(view.units.map((u) => u.key)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => unit(i + 1).key),
      ...Array.from({ length: 9 }, (_, i) => unit(i + 91).key),
      'U100',
    ]);
    expect([...view.bottom]).toEqual(['U098', 'U099', 'U100']);
  });

  it('draws names in large type, top on green and bottom on red, with user text unable to open a style', () => {
    const units = [unit(1, { name: '{bottom|假冒}' }), unit(2, { name: XSS }), unit(3), unit(4), unit(5), unit(6), unit(7)];
    const option = buildPresentationRankingOption(selectPresentationUnits(units), 24, 60) as {
      yAxis: Axis[];
      animation: boolean;
      series: { type: string; barMaxWidth?: number }[];
      dataZoom: unknown[];
    };
    const axis = option.yAxis[0];
    expect(axis?.axisLabel.fontSize).toBe(24);
    expect(axis?.axisLabel.rich['top']?.backgroundColor).toBe(HIGHLIGHT_COLORS.top);
    expect(axis?.axisLabel.rich['bottom']?.backgroundColor).toBe(HIGHLIGHT_COLORS.bottom);
    expect(axis?.axisLabel.formatter('U001')).toBe('{top|1  ｛bottom｜假冒｝}');
    expect(axis?.axisLabel.formatter('U002')).toBe(`{top|2  ${XSS}}`);
    expect(axis?.axisLabel.formatter('U004')).toBe('{plain|4  单位4}');
    expect(axis?.axisLabel.formatter('U007')).toBe('{bottom|7  单位7}');
    expect(option.animation).toBe(false);
    expect(option.dataZoom).toEqual([]);
    expect(option.series.filter((s) => s.type === 'bar').every((s) => s.barMaxWidth === 31)).toBe(true);
    expect(richSafe('a{b}|c')).toBe('a｛b｝｜c');
  });
});
