import { describe, expect, it } from 'vitest';
import type { RankingUnit } from '../../charts/options/ranking-bar';
import { buildPresentationRankingOption, GAP_KEY, HIGHLIGHT_COLORS, richSafe, selectPresentationUnits } from './presentation-ranking';

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

  // Issue #15 §11: rank 10 was followed by rank 91 with nothing between them.
  it('breaks a cut group visibly: a row saying how many units and which ranks are left out', () => {
    const units = Array.from({ length: 100 }, (_, i) => unit(i + 1, { score: 100 - i * 0.5, grade: i < 10 ? '优秀' : '合格' }));
    const view = selectPresentationUnits(units);
    expect(view.gap).toEqual({ before: 10, omitted: 80, fromRank: 11, toRank: 90 });
    const option = buildPresentationRankingOption(view, 24, 60) as {
      yAxis: (Axis & { data: string[] })[];
      series: { type: string; name?: string; data: unknown[]; z?: number; label?: { formatter?: (p: unknown) => string } }[];
    };
    const axis = option.yAxis[0];
    expect(axis?.data).toHaveLength(21);
    expect(axis?.data[10]).toBe(GAP_KEY);
    expect(axis?.data[9]).toBe('U010');
    expect(axis?.data[11]).toBe('U091');
    expect(axis?.axisLabel.formatter(GAP_KEY)).toBe('{gap|… 中间80个单位(第11–90名)未显示}');
    // The break is a pale band across the plot; every grade's bars leave the row empty.
    const band = option.series.find((s) => s.name === GAP_KEY);
    expect(band?.data[10]).toBe(100);
    expect(band?.data.filter((v) => v !== '-')).toHaveLength(1);
    const bars = option.series.filter((s) => s.type === 'bar' && s.name !== GAP_KEY);
    for (const s of bars) expect(s.data).toHaveLength(21);
    expect(bars.every((s) => s.data[10] === '-')).toBe(true);
    // Value labels past the break still name their own unit: row 11 is rank 91.
    const label = bars[0]?.label?.formatter;
    expect(label?.({ dataIndex: 11 })).toContain(`{score|${(100 - 90 * 0.5).toFixed(2)}}`);
    expect(label?.({ dataIndex: 9 })).toContain(`{score|${(100 - 9 * 0.5).toFixed(2)}}`);
    expect(label?.({ dataIndex: 10 })).toBe('');
    // A small group has no break.
    expect(selectPresentationUnits(units.slice(0, 20)).gap).toBeNull();
  });

  // Issue #15 §11: the dashed 合格线 ran through "58.11 ▼1".
  it('draws value labels on an opaque box above the pass line, the line label at its start', () => {
    const units = Array.from({ length: 8 }, (_, i) => unit(i + 1, { score: 62 - i }));
    const option = buildPresentationRankingOption(selectPresentationUnits(units), 24, 60) as {
      series: {
        type: string;
        z?: number;
        label?: { backgroundColor?: string };
        markLine?: { z?: number; label?: { position?: string } };
      }[];
    };
    const line = option.series.find((s) => s.markLine);
    const bars = option.series.filter((s) => s.type === 'bar');
    expect(line?.markLine?.label?.position).toBe('start');
    for (const b of bars) {
      expect(b.label?.backgroundColor).toBe('#ffffff');
      expect(b.z ?? 2).toBeGreaterThan(line?.z ?? 2);
    }
  });

  it('marks the units graded down by the quota with * beside their names', () => {
    const units = Array.from({ length: 8 }, (_, i) => unit(i + 1));
    const option = buildPresentationRankingOption(selectPresentationUnits(units), 24, 60, undefined, { demoted: new Set(['U005']) }) as {
      yAxis: Axis[];
    };
    expect(option.yAxis[0]?.axisLabel.formatter('U005')).toBe('{plain|5  单位5*}');
    expect(option.yAxis[0]?.axisLabel.formatter('U004')).toBe('{plain|4  单位4}');
  });
});
