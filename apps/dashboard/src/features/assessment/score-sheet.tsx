// A unit's score sheet in the layout offices publish: 指标 / 分值 / 得分 / 失分原因 / 整改情况,
// every lost point on a finding linked to the finding (with its evidence) below.
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rectificationStatusLabelsZh, type RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { describeLoss, formatPoints, type SheetOutput } from './assessment-format';

type SheetLine = SheetOutput['rows'][number];
type Finding = SheetOutput['findings'][number];

export function rectificationText(
  t: (key: string, options?: Record<string, unknown>) => string,
  rectification: Finding['rectification'],
): string {
  if (!rectification) return '';
  const status = rectificationStatusLabelsZh[rectification.status as RectificationStatus] ?? rectification.status;
  return t('assessment.sheet.rectificationItem', {
    code: rectification.code,
    status: t(`assessment.rectificationStatus.${rectification.status}`, { defaultValue: status }),
    due: rectification.dueDate,
  });
}

/** Excluded from the unit's maximum: a leaf not applicable (not rated), or a branch with nothing applicable. */
function isExcluded(r: SheetLine): boolean {
  return r.isLeaf ? r.status === 'na' && r.naHandling !== 'rate' : r.applicablePoints === 0 && r.points > 0;
}

export function ScoreSheetTable({ sheet }: { sheet: SheetOutput }) {
  const { t } = useTranslation();
  const findingsById = new Map(sheet.findings.map((f) => [f.id, f]));
  return (
    <Table<SheetLine>
      size="small"
      rowKey="code"
      bordered
      pagination={false}
      dataSource={sheet.rows}
      data-testid="score-sheet"
      rowClassName={(r) => (r.level === 1 ? 'sheet-level-1' : '')}
      columns={[
        {
          title: t('assessment.sheet.indicator'),
          dataIndex: 'name',
          render: (name: string, r) => (
            <span style={{ paddingLeft: (r.level - 1) * 18, fontWeight: r.level === 1 ? 600 : undefined }}>
              {r.code} {name}
              {r.status === 'na' && (
                <Tag style={{ marginLeft: 6 }}>{r.naHandling === 'rate' ? t('assessment.sheet.naRate') : t('assessment.sheet.na')}</Tag>
              )}
            </span>
          ),
        },
        {
          title: t('assessment.sheet.points'),
          dataIndex: 'points',
          width: 80,
          align: 'right',
          render: (p: number, r) =>
            isExcluded(r) ? (
              <Typography.Text delete type="secondary">
                {formatPoints(p)}
              </Typography.Text>
            ) : (
              formatPoints(p)
            ),
        },
        {
          title: t('assessment.sheet.earned'),
          dataIndex: 'earned',
          width: 80,
          align: 'right',
          render: (e: number, r) =>
            isExcluded(r) ? (
              '—'
            ) : (
              <Typography.Text strong={r.level === 1} type={e < 0 ? 'danger' : undefined}>
                {formatPoints(e)}
              </Typography.Text>
            ),
        },
        {
          title: t('assessment.sheet.lossReasons'),
          render: (_, r) =>
            r.isLeaf ? (
              <Space orientation="vertical" size={0}>
                {r.losses.map((loss, i) =>
                  loss.findingId !== null ? (
                    <a key={i} href={`#finding-${loss.findingId}`} data-testid={`loss-finding-${loss.findingId}`}>
                      {describeLoss(t, loss)}
                    </a>
                  ) : (
                    <span key={i}>{describeLoss(t, loss)}</span>
                  ),
                )}
                {r.naReason && (
                  <Typography.Text type="secondary">{t('assessment.sheet.naReasonLine', { reason: r.naReason })}</Typography.Text>
                )}
              </Space>
            ) : null,
        },
        {
          title: t('assessment.sheet.rectificationColumn'),
          width: 200,
          render: (_, r) => {
            if (!r.isLeaf) return null;
            const texts = r.losses.flatMap((loss) => {
              const f = loss.findingId !== null ? findingsById.get(loss.findingId) : undefined;
              return f?.rectification ? [rectificationText(t, f.rectification)] : [];
            });
            return texts.length > 0 ? (
              texts.map((text, i) => <div key={i}>{text}</div>)
            ) : r.losses.some((l) => l.kind === 'finding') ? (
              <Typography.Text type="secondary">{t('assessment.sheet.notIssued')}</Typography.Text>
            ) : null;
          },
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('assessment.sheet.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {formatPoints(sheet.result.applicableMax)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <Typography.Text strong>{formatPoints(sheet.result.base)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} colSpan={2}>
            {t('assessment.sheet.formula', {
              base: formatPoints(sheet.result.base),
              major: formatPoints(sheet.result.major),
              max: formatPoints(sheet.result.applicableMax),
              normalized: formatPoints(sheet.result.normalized),
              bonus: formatPoints(sheet.result.bonus),
              final: sheet.result.final === null ? '—' : sheet.result.final.toFixed(2),
            })}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
