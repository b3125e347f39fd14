import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { gradeColor, MOVEMENT_COLORS } from '../../charts/chart-palette';
import { formatRankDelta, formatSigned, movementOf } from '../../charts/chart-format';
import { useGradeLabel } from './use-grade-label';

/** Dark text on light fills, white on dark ones (relative luminance of a #rrggbb colour). */
function textOn(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#ffffff';
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = parseInt(c ?? '0', 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) > 0.4 ? '#262626' : '#ffffff';
}

/**
 * A grade in its chart colour, so a grade looks the same in tables and charts: the one grade tag of
 * every page (issue #15 §19). A grade lowered by the 优秀 quota shows * and says why on hover.
 */
export function GradeTag({ grade, isQuotaDemoted = false }: { grade: string | null; isQuotaDemoted?: boolean }) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  if (!grade) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = gradeColor(grade);
  const tag = (
    <Tag variant="solid" style={{ marginInlineEnd: 0, background: color, color: textOn(color), borderColor: color }} data-grade={grade}>
      {gradeLabel(grade)}
      {isQuotaDemoted ? '*' : ''}
    </Tag>
  );
  return isQuotaDemoted ? <Tooltip title={t('assessment.results.quotaDemoted')}>{tag}</Tooltip> : tag;
}

/** ▲2 / ▼1 / – in the movement colours; nothing when the unit was not ranked last period. */
export function Movement({ delta }: { delta: number | null | undefined }) {
  const movement = movementOf(delta);
  if (movement === 'none') return <Typography.Text type="secondary">—</Typography.Text>;
  return <span style={{ color: MOVEMENT_COLORS[movement], fontWeight: 600, whiteSpace: 'nowrap' }}>{formatRankDelta(delta)}</span>;
}

/** +1.50 / −2.00 coloured by sign. */
export function Delta({ value, digits = 2, suffix = '' }: { value: number | null | undefined; digits?: number; suffix?: string }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = value > 0 ? MOVEMENT_COLORS.up : value < 0 ? MOVEMENT_COLORS.down : MOVEMENT_COLORS.same;
  return <span style={{ color, whiteSpace: 'nowrap' }}>{`${formatSigned(value, digits)}${suffix}`}</span>;
}
