import { describe, expect, it } from 'vitest';
import { chartsEn } from '../../i18n/areas/charts.en';
import { GRADE_COLORS } from '../chart-palette';
import { canvasOutputs, findUnsafeOutputs, probeFormatters } from '../../../test/charts/probe-formatters';
import { buildRankingBarOption, orderRankingUnits, renderInterval, type RankingUnit } from './ranking-bar';

const XSS = '<img src=x onerror=alert(1)>';

const units: RankingUnit[] = [
  { key: 'B02', name: '江临市教育局', score: 82.5, rank: 2, rankDelta: -1, grade: '良好' },
  {
    key: 'B01',
    name: XSS,
    score: 91.25,
    rank: 1,
    rankDelta: 2,
    grade: '优秀',
    interval: { low: 1, high: 2, median: 1 },
    isNotRobust: true,
  },
  { key: 'B04', name: '江临市民政局', score: 40, rank: null, rankDelta: null, grade: '不合格', isVetoFail: true },
  { key: 'B03', name: '江临市财政局', score: 58, rank: 3, rankDelta: 0, grade: '不合格' },
  { key: 'B05', name: '江临市审计局', score: null, rank: null, rankDelta: null, grade: null },
];

type Series = { type: string; name: string; data: unknown[]; large?: boolean; markLine?: { data: unknown[] }; xAxisIndex?: number };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

describe('buildRankingBarOption', () => {
  it('orders ranked units by rank, then unranked by score, then the unscored', () => {
    expect(orderRankingUnits(units).map((u) => u.key)).toEqual(['B01', 'B02', 'B03', 'B04', 'B05']);
    const option = buildRankingBarOption({ units, passScore: 60 }) as { yAxis: { data: string[]; inverse: boolean }[] };
    expect(option.yAxis[0]?.data).toEqual(['B01', 'B02', 'B03', 'B04', 'B05']);
    expect(option.yAxis[0]?.inverse).toBe(true);
  });

  it("names the grades in the legend in the page language (series keep the scheme name), a scheme's own grade name as written", () => {
    type Legend = { data: string[]; formatter: (name: string) => string };
    const en = buildRankingBarOption(
      { units: [...units, { key: 'B06', name: '某局', score: 70, rank: 4, rankDelta: null, grade: '较好' }] },
      chartsEn,
    ) as {
      legend: Legend;
    };
    expect(en.legend.data.map(en.legend.formatter)).toEqual(expect.arrayContaining(['Excellent', 'Good', 'Fail', '较好']));
    const zh = buildRankingBarOption({ units }) as { legend: Legend };
    expect(zh.legend.data.map(zh.legend.formatter)).toEqual(['优秀', '良好', '不合格']);
  });

  it('draws one bar series per grade in grade order, coloured consistently, aligned to the units', () => {
    const series = seriesOf(buildRankingBarOption({ units }));
    const bars = series.filter((s) => s.type === 'bar');
    expect(bars.map((s) => s.name)).toEqual(['优秀', '良好', '不合格']);
    expect(bars.map((s) => (s as unknown as { itemStyle: { color: string } }).itemStyle.color)).toEqual([
      GRADE_COLORS['优秀'],
      GRADE_COLORS['良好'],
      GRADE_COLORS['不合格'],
    ]);
    expect(bars[2]?.data).toEqual(['-', '-', 58, 40, '-']);
    expect(bars.every((s) => s.large === true)).toBe(true);
  });

  it('puts score and rank movement in the bar label: ▲2, ▼1, – and the veto', () => {
    const labels = probeFormatters(buildRankingBarOption({ units })).find((p) => p.path === 'series[0].label.formatter');
    expect(labels?.isRich).toBe(true);
    expect(labels?.outputs.slice(0, 5)).toEqual([
      '{score|91.25} {up|▲2} {muted|≈}',
      '{score|82.50} {down|▼1}',
      '{score|58.00} {same|–}',
      '{score|40.00} {veto|一票否决}',
      '{score|—}',
    ]);
  });

  it('adds the pass line, and a dashed markLine at the pass score', () => {
    const pass = seriesOf(buildRankingBarOption({ units, passScore: 60 })).find((s) => s.markLine);
    expect(pass?.markLine?.data).toEqual([{ xAxis: 60 }]);
    expect(seriesOf(buildRankingBarOption({ units })).some((s) => s.markLine)).toBe(false);
  });

  it('draws intervals in a panel beside the bars, row for row: ranks with 1 on the right, or scores', () => {
    type WithGrids = {
      grid: object[];
      xAxis: { gridIndex?: number; inverse?: boolean; min: number; max: number }[];
      yAxis: { gridIndex?: number; data: string[] }[];
      dataZoom: { yAxisIndex: number[] }[];
    };
    const rank = buildRankingBarOption({ units, intervalKind: 'rank' }) as WithGrids;
    expect(rank.grid).toHaveLength(2);
    expect(rank.xAxis[1]).toMatchObject({ gridIndex: 1, inverse: true, min: 1, max: 3 });
    expect(rank.yAxis[1]?.data).toEqual(rank.yAxis[0]?.data);
    const custom = seriesOf(rank).find((s) => s.type === 'custom');
    expect(custom).toMatchObject({ xAxisIndex: 1, yAxisIndex: 1 });
    expect(custom?.data[0]).toEqual([0, 1, 2, 1]);
    expect(custom?.data[1]).toEqual([1, '-', '-', '-']);
    const score = buildRankingBarOption({
      units: units.map((u) => ({ ...u, interval: u.score === null ? null : { low: u.score - 3, high: u.score + 2, median: u.score } })),
      intervalKind: 'score',
    }) as WithGrids;
    expect(score.xAxis[1]).toMatchObject({ gridIndex: 1, min: 35, max: 95 });
    expect(score.xAxis[1]?.inverse).toBeUndefined();
    const many = buildRankingBarOption({
      units: Array.from({ length: 61 }, (_, i) => ({
        key: `U${i}`,
        name: 'x',
        score: 90 - i / 10,
        rank: i + 1,
        rankDelta: null,
        grade: '良好',
      })),
      intervalKind: 'rank',
    }) as WithGrids;
    expect(many.dataZoom[0]?.yAxisIndex).toEqual([0, 1]);
  });

  it('keeps only the score and ≈ in the bar label when the interval panel is beside it', () => {
    const labels = probeFormatters(buildRankingBarOption({ units, intervalKind: 'rank' })).find(
      (p) => p.path === 'series[0].label.formatter',
    );
    expect(labels?.outputs.slice(0, 2)).toEqual(['{score|91.25} {muted|≈}', '{score|82.50}']);
  });

  it('renders an interval as a whisker with caps and a median dot, nothing when missing', () => {
    const api = {
      value: (d: number) => [0, 10, 20, 15][d] ?? NaN,
      coord: ([x, y]: number[]) => [Number(x) * 10, Number(y) * 10 + 5],
      size: () => [10, 20],
    };
    const item = renderInterval(api as never) as { children: { type: string; shape: Record<string, number> }[] };
    expect(item.children.map((c) => c.type)).toEqual(['line', 'line', 'line', 'circle']);
    expect(item.children[0]?.shape).toEqual({ x1: 100, y1: 5, x2: 200, y2: 5 });
    expect(item.children[3]?.shape).toMatchObject({ cx: 150, cy: 5 });
    expect(renderInterval({ ...api, value: (d: number) => (d === 0 ? 0 : NaN) } as never)).toBeNull();
  });

  it('escapes a unit named <img onerror> in every tooltip and keeps it out of rich labels', () => {
    for (const intervalKind of [null, 'rank', 'score'] as const) {
      const option = buildRankingBarOption({ units, passScore: 60, intervalKind });
      expect(findUnsafeOutputs(option, XSS)).toEqual([]);
    }
    const option = buildRankingBarOption({ units, passScore: 60, intervalKind: 'rank' });
    const tooltip = probeFormatters(option).find((p) => p.path === 'tooltip.formatter');
    expect(tooltip?.outputs[0]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tooltip?.outputs[0]).toContain('名次区间(5%–95%)');
    expect(tooltip?.outputs[0]).toContain('与相邻单位差异不显著');
    // the axis label is canvas text: the name is drawn literally, after its rank
    expect(canvasOutputs(option)).toContain(`1  ${XSS}`);
  });

  it('scrolls a window of 60 bars when there are more, for 3,000 units', () => {
    const many: RankingUnit[] = Array.from({ length: 3000 }, (_, i) => ({
      key: `U${i}`,
      name: `单位${i}`,
      score: 100 - i / 40,
      rank: i + 1,
      rankDelta: null,
      grade: i < 300 ? '优秀' : '良好',
    }));
    const started = performance.now();
    const option = buildRankingBarOption({ units: many, passScore: 60 }) as {
      dataZoom: { type: string; startValue: number; endValue: number }[];
      animation: boolean;
    };
    expect(performance.now() - started).toBeLessThan(200);
    expect(option.dataZoom.map((z) => [z.type, z.startValue, z.endValue])).toEqual([
      ['slider', 0, 59],
      ['inside', 0, 59],
    ]);
    expect(option.animation).toBe(false);
    const small = buildRankingBarOption({ units }) as { dataZoom: unknown[]; animation: boolean };
    expect(small.dataZoom).toEqual([]);
    expect(small.animation).toBe(true);
  });

  it('speaks English when given the English labels', () => {
    const option = buildRankingBarOption({ units, passScore: 60 }, chartsEn);
    const probes = probeFormatters(option);
    expect(probes.find((p) => p.path.includes('markLine'))?.outputs[0]).toBe('Pass line 60');
    expect(probes.find((p) => p.path === 'tooltip.formatter')?.outputs[0]).toContain('No. 1');
  });
});
