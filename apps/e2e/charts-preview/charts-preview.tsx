// A test-only page, built on its own from charts-preview/index.html by preview-harness.ts
// (never part of the dashboard's build or routes). It renders the real host with every option
// builder, with the dashboard's own Vite config, so the e2e and `pnpm bench` exercise the same
// code and chunking that pages will. The entry imports the host statically on purpose: the
// test then proves ECharts still stays out of the eagerly loaded scripts.
//   ?view=gallery[&lang=en]                every chart with small, realistic data
//   ?view=ranking&units=3000               one group's ranking
//   ?view=heatmap&units=300&indicators=12  the heat map
import type { ECharts } from 'echarts/core';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { chartsEn } from '@kaoping/dashboard/i18n/areas/charts.en';
import { chartsZh } from '@kaoping/dashboard/i18n/areas/charts.zh';
import { CHART_FONT, GRADE_COLORS, GRADE_ORDER } from '@kaoping/dashboard/charts/chart-palette';
import { EChart } from '@kaoping/dashboard/charts/echart';
import { buildGroupTrendOption } from '@kaoping/dashboard/charts/options/group-trend';
import { buildHeatMapOption, heatMapHeight } from '@kaoping/dashboard/charts/options/heat-map';
import { buildOverdueByUnitOption } from '@kaoping/dashboard/charts/options/overdue-by-unit';
import { buildRankingBarOption } from '@kaoping/dashboard/charts/options/ranking-bar';
import { buildRectificationBurndownOption } from '@kaoping/dashboard/charts/options/rectification-burndown';
import { buildScoreWaterfallOption } from '@kaoping/dashboard/charts/options/score-waterfall';
import { buildUnitRadarOption } from '@kaoping/dashboard/charts/options/unit-radar';
import { buildUnitTrendOption } from '@kaoping/dashboard/charts/options/unit-trend';
import { buildWhatIfComparisonOption } from '@kaoping/dashboard/charts/options/what-if-comparison';
import { createPreviewRandom, generateHeatMap, generateRankingUnits, gradeOf, LEVEL1_NAMES, unitName } from './preview-data';

interface PreviewState {
  /** performance.now() marks per chart: option built, host ready, first `finished`. */
  timings: Record<string, { buildMs: number; readyAt?: number; finishedAt?: number }>;
  instances: Record<string, ECharts>;
  clicks: string[];
  unmount: () => void;
  /** Builds a fresh option from the same data, as a live page update would. */
  rerender: () => void;
}
declare global {
  interface Window {
    __charts: PreviewState;
    __xss?: unknown;
  }
}

const params = new URLSearchParams(location.search);
const labels = params.get('lang') === 'en' ? chartsEn : chartsZh;
const state: PreviewState = { timings: {}, instances: {}, clicks: [], unmount: () => undefined, rerender: () => undefined };
window.__charts = state;

function timed<T>(id: string, build: () => T): T {
  const started = performance.now();
  const option = build();
  state.timings[id] = { ...state.timings[id], buildMs: performance.now() - started };
  return option;
}

function Chart({
  id,
  title,
  option,
  height = 360,
}: {
  id: string;
  title: string;
  option: Parameters<typeof EChart>[0]['option'];
  height?: number;
}) {
  const events = useMemo(
    () => ({
      finished: () => {
        const t = state.timings[id];
        if (t && t.finishedAt === undefined) t.finishedAt = performance.now();
      },
      click: (p: { name?: string }) => state.clicks.push(`${id}:${p.name ?? ''}`),
    }),
    [id],
  );
  return (
    <section style={{ background: '#fff', border: '1px solid #e8e8e8', borderRadius: 4, padding: 12 }}>
      <h3 style={{ margin: '0 0 8px', fontSize: 15 }}>{title}</h3>
      <EChart
        option={option}
        ariaLabel={title}
        height={height}
        testId={`chart-${id}`}
        onEvents={events}
        onReady={(chart) => {
          state.instances[id] = chart;
          (state.timings[id] ??= { buildMs: 0 }).readyAt = performance.now();
        }}
      />
    </section>
  );
}

function Gallery() {
  const [options] = useState(() => {
    const random = createPreviewRandom(3);
    const ranking = generateRankingUnits(22, 5);
    const stability = generateRankingUnits(18, 9, { withIntervals: true });
    const heat = generateHeatMap(20, 10, 13);
    const quarters = ['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'];
    const burndown = Array.from({ length: 120 }, (_, d) => {
      const date = new Date(Date.UTC(2025, 9, 1 + d)).toISOString().slice(0, 10);
      const closed = Math.min(150, Math.round(d * 1.4 + random.next() * 4));
      return { date, open: 150 - closed, closed, overdue: d > 30 ? Math.max(0, Math.round((150 - closed) * 0.25 - random.next() * 3)) : 0 };
    });
    const whatIf = generateRankingUnits(20, 21).map((u, i) => {
      const scenarioScore = Math.round(((u.score ?? 0) + (((i * 37) % 11) - 5) * 0.9) * 100) / 100;
      return {
        key: u.key,
        name: u.name,
        official: { score: u.score, rank: u.rank, grade: u.grade },
        scenario: { score: scenarioScore, rank: 0, grade: gradeOf(scenarioScore) },
      };
    });
    [...whatIf].sort((a, b) => (b.scenario.score ?? 0) - (a.scenario.score ?? 0)).forEach((u, i) => (u.scenario.rank = i + 1));
    return {
      ranking: buildRankingBarOption({ units: ranking, passScore: 60 }, labels),
      stability: buildRankingBarOption({ units: stability, passScore: 60, intervalKind: 'rank' }, labels),
      groupTrend: buildGroupTrendOption(
        {
          groupName: 'B1类 市直部门',
          spread: 'p10-p90',
          passScore: 60,
          points: quarters.map((period, i) => ({
            period,
            average: 78 + i * 1.1 + random.normal(),
            low: 64 + i * 1.4,
            high: 91 + i * 0.5,
            passRate: Math.min(100, 86 + i * 2),
          })),
        },
        labels,
      ),
      unitTrend: buildUnitTrendOption(
        {
          unitName: '江临市教育局',
          passScore: 60,
          points: quarters.map((period, i) => {
            const score = Math.round((74 + i * 2.4 + random.normal() * 2) * 100) / 100;
            return {
              period,
              score: i === 3 ? null : score,
              rank: i === 3 ? null : Math.max(1, 14 - i * 2 + random.int(-1, 1)),
              rankedCount: 22,
              grade: gradeOf(score),
            };
          }),
        },
        labels,
      ),
      heat: buildHeatMapOption(heat, labels),
      radar: buildUnitRadarOption(
        {
          unitName: '江临市教育局',
          groupName: 'B1类',
          indicators: LEVEL1_NAMES.slice(0, 8).map((name, i) => ({
            code: String(i + 1),
            name,
            unitShare: i === 5 ? null : 60 + ((i * 29) % 40),
            groupShare: 70 + ((i * 17) % 25),
          })),
        },
        labels,
      ),
      waterfall: buildScoreWaterfallOption(
        {
          full: 100,
          steps: [
            { kind: 'loss', label: '主动公开', delta: -6.5 },
            { kind: 'loss', label: '依申请公开', delta: -4 },
            { kind: 'loss', label: '政策解读', delta: -8 },
            { kind: 'loss', label: '年度报告', delta: -1.5 },
            { kind: 'loss', label: '问题整改', delta: -3 },
            { kind: 'subtotal', label: labels.subtotal, delta: 0 },
            { kind: 'major', label: labels.majorDeduction, delta: -2 },
            { kind: 'bonus', label: labels.bonus, delta: 2 },
          ],
          final: 77,
        },
        labels,
      ),
      burndown: buildRectificationBurndownOption({ points: burndown }, labels),
      overdue: buildOverdueByUnitOption(
        {
          units: Array.from({ length: 40 }, (_, i) => ({
            key: `R${i}`,
            name: unitName(i + 3, random),
            overdue: Math.max(0, Math.round(random.normal() * 2 + 1)),
            openOnTime: random.int(0, 6),
          })),
        },
        labels,
      ),
      whatIf: buildWhatIfComparisonOption({ units: whatIf, passScore: 60 }, labels),
    };
  });
  const titles =
    labels === chartsEn
      ? [
          'Ranking, group B1',
          'Rank stability (5–95%)',
          'Group trend',
          'Unit trend',
          'Heat map',
          'Unit vs group',
          'Score waterfall',
          'Rectification burn-down',
          'Overdue by unit',
          'What-if comparison',
        ]
      : [
          'B1类排名',
          '排名稳定性(5%–95%区间)',
          '分组趋势',
          '单位趋势',
          '热力图',
          '单位与组平均对比',
          '得分构成(瀑布图)',
          '整改进度(燃尽图)',
          '各单位逾期整改',
          '权重模拟对比',
        ];
  const ids = ['ranking', 'stability', 'groupTrend', 'unitTrend', 'heat', 'radar', 'waterfall', 'burndown', 'overdue', 'whatIf'] as const;
  const heights: Partial<Record<(typeof ids)[number], number>> = { ranking: 560, stability: 520, heat: 600, whatIf: 560, overdue: 520 };
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 12, padding: 12 }}>
      <div style={{ gridColumn: '1 / -1', display: 'flex', gap: 16, fontSize: 13 }}>
        {GRADE_ORDER.map((g) => (
          <span key={g}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: GRADE_COLORS[g], marginRight: 4 }} />
            {g}
          </span>
        ))}
      </div>
      {ids.map((id, i) => (
        <Chart key={id} id={id} title={titles[i] ?? id} option={options[id]} height={heights[id] ?? 360} />
      ))}
    </div>
  );
}

function Single({ view }: { view: 'ranking' | 'heatmap' }) {
  const units = Number(params.get('units') ?? (view === 'ranking' ? 3000 : 300));
  const indicatorCount = Number(params.get('indicators') ?? 12);
  const [data] = useState(() =>
    view === 'ranking' ? { ranking: generateRankingUnits(units, 7) } : { heat: generateHeatMap(units, indicatorCount) },
  );
  const [version, setVersion] = useState(0);
  state.rerender = () => setVersion((v) => v + 1);
  const chart = useMemo(() => {
    if (data.ranking) {
      const ranking = data.ranking;
      return {
        option: timed('ranking', () => buildRankingBarOption({ units: ranking, passScore: 60 }, labels)),
        height: 900,
        title: `${units} 个单位得分排名`,
      };
    }
    const heat = data.heat ?? generateHeatMap(0, 0);
    return {
      option: timed('heatmap', () => buildHeatMapOption(heat, labels)),
      height: heatMapHeight(heat),
      title: `${units} 个单位 × ${indicatorCount} 项一级指标得分率`,
    };
  }, [data, version]); // a new version rebuilds the option from the same data
  return (
    <div style={{ padding: 12 }}>
      <Chart id={view} title={chart.title} option={chart.option} height={chart.height} />
    </div>
  );
}

const view = params.get('view') ?? 'gallery';
document.body.style.cssText = `margin:0;background:#f5f5f5;font-family:${CHART_FONT};color:#262626`;
const box = document.getElementById('root');
if (box) {
  const root = createRoot(box);
  root.render(<StrictMode>{view === 'ranking' || view === 'heatmap' ? <Single view={view} /> : <Gallery />}</StrictMode>);
  state.unmount = () => root.unmount();
}
