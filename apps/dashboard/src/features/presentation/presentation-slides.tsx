// The slides of the meeting, in large type and high contrast for a projector: near-black on
// white, thick rules, colour only where it carries meaning (green = best, red = worst / overdue).
import { type CSSProperties, type ReactNode, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/echart';
import { useChartLabels } from '../../charts/use-chart-labels';
import type { Outputs } from '../../api-types';
import { formatDate, formatPercent, formatScore, quarterLabel } from '../bulletin/bulletin-format';
import { useGradeLabel } from '../dashboard/use-grade-label';
import {
  buildPresentationRankingOption,
  EDGE,
  HIGHLIGHT,
  HIGHLIGHT_COLORS,
  selectPresentationUnits,
  type RankingGap,
} from './presentation-ranking';

export type MeetingData = Outputs['bulletin']['get'];
type Figures = MeetingData['figures'];

export const INK = '#111111';
export const MUTED = '#444444';
export const RULE = '#111111';
const RED = '#b71c1c';
const GREEN = '#1b5e20';

interface SlideProps {
  data: MeetingData;
  /** Base type size in pixels (from the window's height). */
  size: number;
}

function Title({ children, size, sub }: { children: ReactNode; size: number; sub?: ReactNode }) {
  return (
    <div style={{ borderBottom: `${Math.max(2, size / 8)}px solid ${RULE}`, paddingBottom: size * 0.35, marginBottom: size * 0.7 }}>
      <h1 data-testid="slide-title" style={{ margin: 0, fontSize: size * 1.6, lineHeight: 1.2, fontWeight: 700, color: INK }}>
        {children}
      </h1>
      {sub && <div style={{ fontSize: size * 0.8, color: MUTED, marginTop: size * 0.25 }}>{sub}</div>}
    </div>
  );
}

function Tile({
  label,
  value,
  note,
  size,
  tone,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  size: number;
  tone?: 'bad' | 'good';
}) {
  return (
    <div style={{ border: `2px solid ${RULE}`, padding: `${size * 0.4}px ${size * 0.6}px`, minWidth: 0 }}>
      <div style={{ fontSize: size * 0.75, color: MUTED, whiteSpace: 'nowrap' }}>{label}</div>
      <div style={{ fontSize: size * 1.9, fontWeight: 700, lineHeight: 1.15, color: tone === 'bad' ? RED : tone === 'good' ? GREEN : INK }}>
        {value}
      </div>
      {note && <div style={{ fontSize: size * 0.7, color: MUTED }}>{note}</div>}
    </div>
  );
}

function useTrend() {
  const { t } = useTranslation();
  return (now: number | null, before: number | null | undefined, format: (n: number) => string) => {
    if (now === null || before === null || before === undefined) return null;
    const diff = Math.round((now - before) * 1000) / 1000;
    if (diff === 0) return `${t('meeting.figures.vsPrevious')}${t('meeting.figures.same')}`;
    return `${t('meeting.figures.vsPrevious')}${diff > 0 ? t('meeting.figures.up', { n: format(Math.abs(diff)) }) : t('meeting.figures.down', { n: format(Math.abs(diff)) })}`;
  };
}

const cell = (size: number, align: 'left' | 'right' | 'center' = 'right'): CSSProperties => ({
  padding: `${size * 0.22}px ${size * 0.45}px`,
  borderBottom: `1px solid ${MUTED}`,
  textAlign: align,
  whiteSpace: 'nowrap',
});

export function periodLabel(t: (key: string, o?: Record<string, unknown>) => string, figures: Figures): string {
  return quarterLabel(t, figures.period.code);
}

export function OverviewSlide({ data, size }: SlideProps) {
  const { t } = useTranslation();
  const trend = useTrend();
  const f = data.figures;
  const o = f.overall;
  const rate = data.meeting.annualReports.onTimeRate;
  return (
    <div>
      <Title size={size} sub={`${f.round.title} · ${t('meeting.presentation.asOf', { date: formatDate(f.period.endDate) })}`}>
        {t('meeting.presentation.overviewTitle', { period: periodLabel(t, f) })}
      </Title>
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: size * 0.5, marginBottom: size * 0.8 }}
        data-testid="overview-figures"
      >
        <Tile size={size} label={t('meeting.figures.units')} value={o.units} />
        <Tile
          size={size}
          label={t('meeting.figures.average')}
          value={formatScore(o.average)}
          note={trend(o.average, o.previous?.average, (n) => n.toFixed(2))}
        />
        <Tile
          size={size}
          label={t('meeting.figures.passRate')}
          value={formatPercent(o.passed.value)}
          note={trend(o.passed.value, o.previous?.passed.value, (n) => `${(n * 100).toFixed(1)}%`)}
        />
        <Tile
          size={size}
          label={t('meeting.figures.belowPass')}
          value={f.belowPass.length}
          tone={f.belowPass.length > 0 ? 'bad' : undefined}
          note={`${t('meeting.figures.vetoes')} ${f.vetoes.length}`}
        />
        <Tile
          size={size}
          label={t('meeting.figures.reportsOnTime', { year: data.meeting.annualReports.year })}
          value={rate === null ? '—' : `${rate.toFixed(1)}%`}
          note={`${data.meeting.annualReports.onTime} / ${data.meeting.annualReports.expected}`}
        />
        <Tile
          size={size}
          label={t('meeting.figures.openItems')}
          value={data.meeting.ledger.open}
          note={t('meeting.presentation.asOf', { date: formatDate(data.meeting.today) })}
        />
        <Tile
          size={size}
          label={t('meeting.figures.overdueItems')}
          value={data.meeting.ledger.overdue}
          tone={data.meeting.ledger.overdue > 0 ? 'bad' : undefined}
        />
        <Tile size={size} label={t('meeting.figures.onTimeRate')} value={formatPercent(data.meeting.ledger.onTimeClosureRate.value)} />
      </div>
      <table
        style={{
          width: '100%',
          borderCollapse: 'collapse',
          fontSize: size * 0.85,
          color: INK,
          borderTop: `2px solid ${RULE}`,
          borderBottom: `2px solid ${RULE}`,
        }}
        data-testid="overview-groups"
      >
        <thead>
          <tr style={{ fontWeight: 700 }}>
            <th style={cell(size, 'left')}>{t('meeting.figures.group')}</th>
            <th style={cell(size)}>{t('meeting.figures.unitCount')}</th>
            <th style={cell(size)}>{t('meeting.figures.average')}</th>
            <th style={cell(size)}>{t('meeting.figures.vsPrevious')}</th>
            <th style={cell(size)}>{t('meeting.figures.max')}</th>
            <th style={cell(size)}>{t('meeting.figures.min')}</th>
            <th style={cell(size)}>{t('meeting.figures.passRate')}</th>
          </tr>
        </thead>
        <tbody>
          {f.groups.map((g) => {
            const diff =
              g.average !== null && g.previous?.average != null ? Math.round((g.average - g.previous.average) * 100) / 100 : null;
            return (
              <tr key={g.code}>
                <td style={cell(size, 'left')}>{g.name}</td>
                <td style={cell(size)}>{g.scored}</td>
                <td style={{ ...cell(size), fontWeight: 700 }}>{formatScore(g.average)}</td>
                <td style={{ ...cell(size), color: diff === null || diff === 0 ? MUTED : diff > 0 ? GREEN : RED }}>
                  {diff === null ? '—' : diff === 0 ? '±0.00' : `${diff > 0 ? '▲' : '▼'}${Math.abs(diff).toFixed(2)}`}
                </td>
                <td style={cell(size)}>{formatScore(g.max)}</td>
                <td style={cell(size)}>{formatScore(g.min)}</td>
                <td style={{ ...cell(size), color: g.passed.value !== null && g.passed.value < 1 ? RED : INK }}>
                  {formatPercent(g.passed.value)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function RankingSlide({ data, size, group, height }: SlideProps & { group: string; height: number }) {
  const { t } = useTranslation();
  const labels = useChartLabels();
  const gradeLabel = useGradeLabel();
  const g = data.figures.groups.find((x) => x.code === group);
  const view = useMemo(
    () =>
      selectPresentationUnits(
        (g?.rows ?? []).map((r) => ({
          key: r.code,
          name: r.name,
          score: r.final,
          rank: r.rank,
          rankDelta: r.rankDelta,
          grade: r.grade,
          isVetoFail: r.isVetoFail,
        })),
      ),
    [g],
  );
  // Units the quota graded down, said in words under the chart (issue #15 §9), marked * on the axis.
  const demotions = useMemo(() => quotaDemotions(g?.rows ?? []), [g]);
  const gapText = useCallback(
    (gap: RankingGap) =>
      gap.fromRank !== null && gap.toRank !== null
        ? t('meeting.presentation.rankingGapRanks', { from: gap.fromRank, to: gap.toRank, count: gap.omitted })
        : t('meeting.presentation.rankingGap', { count: gap.omitted }),
    [t],
  );
  const option = useMemo(
    () =>
      buildPresentationRankingOption(view, Math.round(size * 0.8), data.figures.scheme.passScore, labels, {
        demoted: new Set(demotions.flatMap((d) => d.rows.map((r) => r.code))),
        text: { gap: gapText },
        gradeLabel,
      }),
    [view, size, data.figures.scheme.passScore, labels, demotions, gapText, gradeLabel],
  );
  if (!g) return null;
  const noteSize = size * 0.7;
  const legend = (color: string, text: string) => (
    <span style={{ background: color, color: '#fff', fontWeight: 700, padding: `0 ${size * 0.3}px`, marginLeft: size * 0.4 }}>{text}</span>
  );
  return (
    <div>
      <Title
        size={size}
        sub={
          <>
            {t('meeting.presentation.rankingSubtitle', {
              count: g.scored,
              average: formatScore(g.average),
              passRate: formatPercent(g.passed.value),
            })}
            {view.isCut && ` · ${t('meeting.presentation.rankingCut', { edge: EDGE })}`}
            {legend(HIGHLIGHT_COLORS.top, t('meeting.presentation.highlightTop', { n: HIGHLIGHT }))}
            {legend(HIGHLIGHT_COLORS.bottom, t('meeting.presentation.highlightBottom', { n: HIGHLIGHT }))}
          </>
        }
      >
        {t('meeting.presentation.rankingTitle', { group: g.name })}
      </Title>
      <EChart
        option={option}
        height={height - demotions.length * noteSize * 1.5}
        // The break in words for a screen reader (and the end-to-end test): the canvas draws the same text.
        ariaLabel={[t('meeting.presentation.rankingTitle', { group: g.name }), ...(view.gap ? [gapText(view.gap)] : [])].join(' · ')}
        testId={`ranking-chart-${g.code}`}
      />
      {demotions.map((d) => (
        <div
          key={`${d.from}-${d.to}`}
          data-testid="ranking-quota-note"
          style={{ fontSize: noteSize, lineHeight: 1.5, color: INK, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
        >
          {t('meeting.presentation.quotaNote', {
            from: gradeLabel(d.from),
            to: gradeLabel(d.to),
            units:
              d.rows
                .slice(0, QUOTA_NAMES)
                .map((r) => r.name)
                .join(t('meeting.listSeparator')) +
              (d.rows.length > QUOTA_NAMES ? ` ${t('meeting.presentation.quotaMore', { count: d.rows.length })}` : ''),
          })}
        </div>
      ))}
    </div>
  );
}

type FiguresRow = Figures['groups'][number]['rows'][number];

/** Names a quota footnote lists before "等N个单位" (one line on the projector). */
const QUOTA_NAMES = 4;

/** The group's quota demotions, one line per (from, to) pair, in rank order. */
export function quotaDemotions(rows: readonly FiguresRow[]): { from: string; to: string; rows: FiguresRow[] }[] {
  const out = new Map<string, { from: string; to: string; rows: FiguresRow[] }>();
  for (const r of rows) {
    if (r.demotedFrom === null || r.grade === null) continue;
    const key = `${r.demotedFrom}\u0000${r.grade}`;
    const entry = out.get(key) ?? { from: r.demotedFrom, to: r.grade, rows: [] };
    entry.rows.push(r);
    out.set(key, entry);
  }
  return [...out.values()];
}

export function ProblemsSlide({ data, size }: SlideProps) {
  const { t } = useTranslation();
  const f = data.figures;
  const categories = f.problems.slice(0, 4);
  // Up to three categories fill the width one under another, with more examples; four make a grid.
  const isGrid = categories.length > 3;
  const examples = isGrid ? 2 : 3;
  const most = Math.max(1, ...categories.map((c) => c.problems));
  const units = new Set(f.annexes.filter((a) => a.findings.length > 0).map((a) => a.code)).size;
  return (
    <div>
      <Title
        size={size}
        sub={f.problems.length > 0 ? t('meeting.presentation.problemsLead', { problems: f.scope.problems, units }) : undefined}
      >
        {t('meeting.presentation.problemsTitle')}
      </Title>
      {categories.length === 0 && <p style={{ fontSize: size }}>{t('meeting.presentation.noProblems')}</p>}
      <div style={{ display: 'grid', gridTemplateColumns: isGrid ? 'repeat(2, minmax(0, 1fr))' : '1fr', gap: size * 0.7 }}>
        {categories.map((c, i) => (
          <section
            key={c.code}
            style={{ borderLeft: `${size / 4}px solid ${RULE}`, paddingLeft: size * 0.6 }}
            data-testid="problem-category"
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: size * 0.5 }}>
              <span style={{ fontSize: size * 1.15, fontWeight: 700, whiteSpace: 'nowrap' }}>
                {i + 1}. {c.name}
              </span>
              <span style={{ fontSize: size * 0.8, color: MUTED, whiteSpace: 'nowrap' }}>
                {t('meeting.presentation.problemsCategory', { problems: c.problems, units: c.units })}
              </span>
              <span aria-hidden style={{ flex: 1, maxWidth: size * 12 }}>
                <span style={{ display: 'block', height: size * 0.45, width: `${(c.problems / most) * 100}%`, background: INK }} />
              </span>
            </div>
            <div style={{ fontSize: size * 0.8, margin: `${size * 0.15}px 0`, color: INK }}>
              {c.indicators
                .slice(0, 3)
                .map((x) => `${x.name} ${x.problems}`)
                .join(' · ')}
            </div>
            <ul style={{ margin: 0, paddingLeft: size * 1.1, fontSize: size * 0.8, color: INK, lineHeight: 1.45 }}>
              {c.examples.slice(0, examples).map((e) => (
                <li key={`${e.unit}-${e.description}`}>
                  <b>{e.unitName}</b>:{e.description}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

function NameList({ names, size, tone, limit }: { names: string[]; size: number; tone: 'bad' | 'plain'; limit: number }) {
  const { t } = useTranslation();
  const shown = names.slice(0, limit);
  return (
    <div style={{ fontSize: size, lineHeight: 1.6, color: tone === 'bad' ? RED : INK, fontWeight: 600 }}>
      {shown.join(t('meeting.listSeparator'))}
      {names.length > limit && ` ${t('meeting.presentation.more', { count: names.length })}`}
    </div>
  );
}

export function RectificationSlide({ data, size }: SlideProps) {
  const { t } = useTranslation();
  const r = data.figures.rectification;
  if (!r) {
    return (
      <div>
        <Title size={size}>{t('meeting.presentation.rectificationTitleNone')}</Title>
        <p style={{ fontSize: size }}>{t('meeting.presentation.noRectification')}</p>
      </div>
    );
  }
  const label = quarterLabel(t, r.period);
  const f = r.figures;
  return (
    <div>
      <Title size={size} sub={t('meeting.presentation.asOf', { date: formatDate(r.asOf) })}>
        {t('meeting.presentation.rectificationTitle', { period: label })}
      </Title>
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(5, minmax(0, 1fr))', gap: size * 0.5, marginBottom: size * 0.8 }}
        data-testid="rectification-figures"
      >
        <Tile size={size} label={t('meeting.figures.itemsTotal')} value={f.total - f.cancelled} />
        <Tile size={size} label={t('meeting.figures.closedOnTime')} value={f.closedOnTime} tone="good" />
        <Tile size={size} label={t('meeting.figures.onTimeRate')} value={formatPercent(f.onTimeClosureRate.value)} />
        <Tile size={size} label={t('meeting.figures.closedLate')} value={f.closedLate} />
        <Tile size={size} label={t('meeting.figures.overdue')} value={f.overdue} tone={f.overdue > 0 ? 'bad' : undefined} />
      </div>
      <div data-testid="not-reported">
        <div style={{ fontSize: size, fontWeight: 700, marginBottom: size * 0.2 }}>
          {r.notReportedBack.length > 0
            ? t('meeting.presentation.notReportedTitle', { count: r.notReportedBack.length })
            : t('meeting.presentation.allReported')}
        </div>
        {r.notReportedBack.length > 0 && <NameList names={r.notReportedBack.map((u) => u.name)} size={size} tone="bad" limit={12} />}
      </div>
      {r.repeatedUnits.length > 0 && (
        <div style={{ marginTop: size * 0.7 }}>
          <div style={{ fontSize: size, fontWeight: 700, marginBottom: size * 0.2 }}>
            {t('meeting.presentation.repeatedTitle', { count: r.repeatedUnits.length })}
          </div>
          <NameList names={r.repeatedUnits.map((u) => u.name)} size={size * 0.9} tone="plain" limit={10} />
        </div>
      )}
    </div>
  );
}

export function RequirementsSlide({ data, size }: SlideProps) {
  const { t } = useTranslation();
  // A deadline on or before the 成文日期, or past, is not projected as if it held (issue #15 §8).
  const flagged = new Set(data.dueDateProblems.map((p) => p.index));
  return (
    <div>
      <Title size={size}>{t('meeting.presentation.requirementsTitle')}</Title>
      <ol style={{ margin: 0, paddingLeft: size * 1.4, fontSize: size }} data-testid="requirements">
        {data.data.requirements.map((r, i) => (
          <li key={`${i}-${r.heading}`} style={{ marginBottom: size * 0.7 }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: size, alignItems: 'baseline' }}>
              {/* The office's own wording (the bulletin's requirements), as published. */}
              <b lang="zh-CN">{r.heading}</b>
              {flagged.has(i) ? (
                <span style={{ fontWeight: 700, color: RED, whiteSpace: 'nowrap' }} data-testid="requirement-due-invalid">
                  ⚠ {t('meeting.presentation.dueInvalid')}
                </span>
              ) : (
                <span style={{ fontWeight: 700, color: r.dueDate ? RED : MUTED, whiteSpace: 'nowrap' }} data-testid="requirement-due">
                  {r.dueDate ? t('meeting.presentation.dueBy', { date: formatDate(r.dueDate) }) : t('meeting.presentation.noDue')}
                </span>
              )}
            </div>
            <div style={{ fontSize: size * 0.8, color: '#333333', lineHeight: 1.45 }} lang="zh-CN">
              {r.text}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
