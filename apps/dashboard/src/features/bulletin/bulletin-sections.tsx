// The bulletin's sections as the document prints them, from the exporter's view model that the
// server assembled (`data`): what the page shows is what the .docx contains.
import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../api-types';
import { GRADE_COLORS } from '../../charts/chart-palette';
import { parsePeriod, previousPeriod } from '@kaoping/domain/period/period';
import { formatPeriod } from '../dashboard/dashboard-format';
import { useGradeLabel } from '../dashboard/use-grade-label';
import { formatDate, formatMovement, formatPercent, formatScore, quarterLabel } from './bulletin-format';
import { MARK, placeText } from './mark-text';

export type BulletinView = Outputs['bulletin']['get'];
type Doc = BulletinView['data'];
type Group = Doc['groups'][number];
type Row = Group['rows'][number];
type AnnexUnit = Doc['annexes'][number]['units'][number];

export const PAPER_FONT = '"Noto Serif CJK SC", "Songti SC", "SimSun", serif';

export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={4} style={{ fontFamily: '"Noto Sans CJK SC", "SimHei", sans-serif', margin: '28px 0 10px' }}>
      {children}
    </Typography.Title>
  );
}

export function Para({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p style={{ textIndent: '2em', lineHeight: 1.9, margin: '0 0 8px', whiteSpace: 'pre-wrap' }} data-testid={testId}>
      {children}
    </p>
  );
}

export function OverallFigures({ doc }: { doc: Doc }) {
  const { t, i18n } = useTranslation();
  const gradeLabel = useGradeLabel();
  const o = doc.overall;
  const all = doc.groups.flatMap((g) => g.rows.map((r) => r.score));
  const rows = [
    ...doc.groups.map((g) => ({
      key: g.code,
      name: g.name,
      units: g.unitCount,
      average: g.average,
      max: g.max,
      min: g.min,
      passRate: g.passRate,
      counts: g.gradeCounts,
    })),
    {
      key: '__all',
      name: t('meeting.bulletin.cityTotal'),
      units: o.unitsAssessed,
      average: o.average,
      max: all.length ? Math.max(...all) : null,
      min: all.length ? Math.min(...all) : null,
      passRate: o.passRate,
      counts: o.gradeCounts,
    },
  ];
  return (
    <>
      <Para>
        {t('meeting.bulletin.summaryLine', {
          period: formatPeriod(doc.periodCode, i18n.language),
          units: o.unitsAssessed,
          average: formatScore(o.average),
          passRate: formatPercent(o.passRate),
        })}
      </Para>
      <Table
        size="small"
        pagination={false}
        bordered
        rowKey="key"
        dataSource={rows}
        data-testid="bulletin-summary"
        columns={[
          {
            title: t('meeting.figures.group'),
            dataIndex: 'name',
            // Group names are the city's (as the document types them); the total row is the app's.
            render: (name: string, r: (typeof rows)[number]) => (r.key === '__all' ? name : <span data-user-text="">{name}</span>),
          },
          { title: t('meeting.figures.unitCount'), dataIndex: 'units', align: 'right' },
          { title: t('meeting.figures.average'), dataIndex: 'average', align: 'right', render: formatScore },
          { title: t('meeting.figures.max'), dataIndex: 'max', align: 'right', render: formatScore },
          { title: t('meeting.figures.min'), dataIndex: 'min', align: 'right', render: formatScore },
          { title: t('meeting.figures.passRate'), dataIndex: 'passRate', align: 'right', render: formatPercent },
          ...doc.grades.map((grade) => ({
            title: gradeLabel(grade),
            key: grade,
            align: 'right' as const,
            render: (_: unknown, r: (typeof rows)[number]) => r.counts.find((c) => c.grade === grade)?.count ?? 0,
          })),
        ]}
      />
    </>
  );
}

export function RankingTables({ doc }: { doc: Doc }) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  return (
    <>
      {doc.groups.map((g, i) => (
        <section key={g.code} data-testid={`bulletin-ranking-${g.code}`} style={{ breakInside: 'auto' }}>
          <Typography.Title level={5} style={{ fontFamily: '"Noto Sans CJK SC", "KaiTi", sans-serif' }}>
            ({i + 1})<span data-user-text="">{g.name}</span>
          </Typography.Title>
          <Table<Row>
            size="small"
            bordered
            pagination={false}
            rowKey={(r) => `${r.rank ?? '—'}-${r.unitName}`}
            dataSource={[...g.rows]}
            columns={[
              {
                title: t('meeting.bulletin.columns.rank'),
                dataIndex: 'rank',
                width: 64,
                align: 'center',
                render: (v: number | null) => v ?? '—',
              },
              {
                title: t('meeting.bulletin.columns.movement'),
                dataIndex: 'rankDelta',
                width: 90,
                align: 'center',
                render: (d: number | null) => (
                  <span style={{ color: d === null || d === 0 ? undefined : d > 0 ? '#1b5e20' : '#b71c1c' }}>
                    {formatMovement(d, t('meeting.figures.same'))}
                  </span>
                ),
              },
              { title: t('meeting.bulletin.columns.unit'), dataIndex: 'unitName' },
              { title: t('meeting.bulletin.columns.score'), dataIndex: 'score', width: 90, align: 'right', render: formatScore },
              {
                title: t('meeting.bulletin.columns.grade'),
                dataIndex: 'grade',
                width: 80,
                align: 'center',
                render: (grade: string) => (
                  <span
                    style={{
                      color: GRADE_COLORS[grade] === undefined ? undefined : grade === '不合格' ? '#b71c1c' : undefined,
                      fontWeight: grade === '不合格' ? 700 : 400,
                    }}
                  >
                    {gradeLabel(grade)}
                  </span>
                ),
              },
              {
                title: t('meeting.bulletin.columns.note'),
                key: 'note',
                render: (_: unknown, r: Row) => <RowNote row={r} />,
              },
            ]}
          />
        </section>
      ))}
    </>
  );
}

/**
 * The 备注 in the page's language, from the row's data: vetoes, and the quota demotion said in
 * words (issue #15 §9: 良好 without saying why was explained only on hover).
 */
function RowNote({ row }: { row: Row }) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  const parts: string[] = [];
  const vetoes = row.vetoes ?? [];
  if (vetoes.length > 0) parts.push(t('meeting.bulletin.vetoNote', { vetoes: vetoes.join(t('meeting.listSeparator')) }));
  if (row.demotedFrom) parts.push(t('meeting.bulletin.quotaNote', { from: gradeLabel(row.demotedFrom), to: gradeLabel(row.grade) }));
  // A view model without the data (older server) still shows the Chinese note it carries.
  if (parts.length === 0 && row.note && row.vetoes === undefined) parts.push(row.note);
  return <span data-testid={row.demotedFrom ? 'bulletin-quota-note' : undefined}>{parts.join('; ')}</span>;
}

type Mention = Doc['praised'][number]['units'][number];

function MentionList({ groups, withReason, passLine }: { groups: Doc['praised']; withReason: boolean; passLine: number }) {
  const { t } = useTranslation();
  const reasonOf = (u: Mention) => {
    switch (u.reasonKind) {
      case 'first':
        return t('meeting.bulletin.reasons.first');
      case 'veto':
        return t('meeting.bulletin.reasons.veto', { vetoes: (u.vetoes ?? []).join(t('meeting.listSeparator')) });
      case 'below':
        return t('meeting.bulletin.reasons.below', { passLine });
      case 'grade':
      case undefined:
        return u.reason;
    }
  };
  if (groups.length === 0) return <Para>{t('meeting.bulletin.none')}</Para>;
  return (
    <>
      {groups.map((g) => (
        <Para key={g.groupName}>
          <b>{placeText(t('meeting.bulletin.mentionGroup', { group: MARK, count: g.units.length }), g.groupName)}</b>
          {g.units
            .map((u) =>
              withReason && u.reason
                ? t('meeting.bulletin.mentionWithReason', { unit: u.unitName, score: formatScore(u.score), reason: reasonOf(u) })
                : t('meeting.bulletin.mention', { unit: u.unitName, score: formatScore(u.score) }),
            )
            .join(t('meeting.listSeparator'))}
        </Para>
      ))}
    </>
  );
}

export function Mentions({ doc }: { doc: Doc }) {
  const { t } = useTranslation();
  return (
    <div data-testid="bulletin-mentions">
      <Typography.Title level={5}>(1){t('meeting.bulletin.praised')}</Typography.Title>
      <MentionList groups={doc.praised} withReason={false} passLine={doc.passLine} />
      <Typography.Title level={5}>(2){t('meeting.bulletin.belowPass', { passLine: doc.passLine })}</Typography.Title>
      <MentionList groups={doc.belowPassLine} withReason passLine={doc.passLine} />
    </div>
  );
}

export function Problems({ doc }: { doc: Doc }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="bulletin-problems">
      {doc.problemCategories.map((c, i) => (
        <Para key={c.category}>
          <b>
            ({i + 1}){c.category}
            {i18n.language === 'zh' ? '。' : '. '}
          </b>
          {t('meeting.bulletin.problemsLine', {
            // The summary sentence is Chinese wording; another language names the indicators itself.
            summary:
              i18n.language === 'zh' || !c.indicators ? c.summary : t('meeting.bulletin.problemsMainly', { list: c.indicators.join(', ') }),
            count: c.findingCount,
            units: c.unitCount,
          })}
          {c.examples.length > 0 &&
            t('meeting.bulletin.examples', {
              examples: c.examples.map((e) => `${e.unitName}${e.description}`).join(i18n.language === 'zh' ? ';' : '; '),
            })}
        </Para>
      ))}
    </div>
  );
}

export function Rectification({ doc }: { doc: Doc }) {
  const { t, i18n } = useTranslation();
  // Chinese runs on without spaces (名单:甲、乙。); English says "title: A, B."
  const zh = i18n.language === 'zh';
  const colon = zh ? ':' : ': ';
  const names = (list: readonly string[]) => `${list.join(t('meeting.listSeparator'))}${zh ? '。' : '.'}`;
  const r = doc.rectification;
  if (!r) return <Para>{t('meeting.presentation.noRectification')}</Para>;
  const current = parsePeriod(doc.periodCode);
  const previous = current && previousPeriod(current);
  return (
    <div data-testid="bulletin-rectification">
      <Para>
        {previous ? quarterLabel(t, previous.code) : r.previousPeriodLabel}
        {colon}
        {t('meeting.bulletin.rectificationLine', {
          total: r.itemCount,
          onTime: r.closedOnTime,
          rate: formatPercent(r.onTimeRate),
          late: r.closedLate,
          overdue: r.overdue,
        })}
      </Para>
      <Para>
        {r.notReportedUnits.length > 0
          ? `${t('meeting.presentation.notReportedTitle', { count: r.notReportedUnits.length })}${colon}${names(r.notReportedUnits)}`
          : t('meeting.presentation.allReported')}
      </Para>
      {r.repeatedUnits.length > 0 && (
        <Para>{`${t('meeting.presentation.repeatedTitle', { count: r.repeatedUnits.length })}${colon}${names(r.repeatedUnits)}`}</Para>
      )}
    </div>
  );
}

export function Annexes({ doc }: { doc: Doc }) {
  const { t } = useTranslation();
  return (
    <div data-testid="bulletin-annexes">
      {doc.annexes.map((a, i) => {
        const lines = a.units.flatMap((u: AnnexUnit, ui) =>
          u.findings.map((f, fi) => ({
            key: `${ui}-${fi}`,
            unit: fi === 0 ? `${u.unitName}${u.score === null ? '' : `(${formatScore(u.score)})`}` : '',
            span: fi === 0 ? u.findings.length : 0,
            ...f,
            // Veto / major deduction and the "(3处)" count in the page's language; the names stay as typed.
            indicator: f.kind === 'veto' || f.kind === 'major' ? t(`meeting.bulletin.annexKinds.${f.kind}`) : f.indicator,
            // The problem line is the document's Chinese wording; the count around it the page's language.
            description:
              f.text !== undefined && (f.count ?? 1) > 1 ? (
                placeText(t('meeting.bulletin.annexCount', { text: MARK, count: f.count }), f.text, 'document')
              ) : (
                <span lang="zh-CN">{f.description}</span>
              ),
          })),
        );
        return (
          <section key={a.title} style={{ marginTop: 16 }}>
            <Typography.Title level={5}>
              {placeText(
                t('meeting.bulletin.annexTitle', {
                  n: i + 1,
                  // One annex per group, in the groups' order (bulletin-from-figures.ts).
                  title: doc.groups[i] ? t('meeting.bulletin.annexGroupTitle', { group: MARK }) : MARK,
                  count: a.units.length,
                }),
                doc.groups[i]?.name ?? a.title,
              )}
            </Typography.Title>
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey="key"
              dataSource={lines}
              columns={[
                { title: t('meeting.bulletin.columns.unit'), dataIndex: 'unit', width: 220, onCell: (r) => ({ rowSpan: r.span }) },
                { title: t('meeting.bulletin.columns.indicator'), dataIndex: 'indicator', width: 180 },
                { title: t('meeting.bulletin.columns.description'), dataIndex: 'description' },
                {
                  title: t('meeting.bulletin.columns.points'),
                  dataIndex: 'pointsLost',
                  width: 80,
                  align: 'right',
                  render: (p: number) => (p === 0 ? '—' : formatScore(p)),
                },
              ]}
            />
          </section>
        );
      })}
    </div>
  );
}

export function Signature({ doc }: { doc: Doc }) {
  return (
    <div style={{ textAlign: 'right', marginTop: 32, lineHeight: 1.9 }} data-testid="bulletin-signature">
      <div lang="zh-CN">{doc.officeName}</div>
      <div>{formatDate(doc.issueDate)}</div>
      {doc.publicity && (
        <div style={{ textAlign: 'left', marginTop: 16 }} lang="zh-CN">
          ({doc.publicity})
        </div>
      )}
    </div>
  );
}
