// 变更记录: who did what when, in words. Each action and field has a label (areas/audit-labels),
// instants are shown in China time whatever the browser's zone, and nested values read as
// 「年度 2026,分组 7」 rather than JSON.
import { Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@kaoping/contracts/audit/audit';
import { actorName } from './actor-name';

/** Field-level before → after for one audit entry (only the fields that changed). */
export function describeChange(before: unknown, after: unknown): { field: string; from: unknown; to: unknown }[] {
  const asRecord = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const b = asRecord(before);
  const a = asRecord(after);
  const skip = new Set(['version', 'updatedAt', 'createdAt', 'id']);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !skip.has(f));
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  return fields.filter((f) => !same(b[f], a[f])).map((f) => ({ field: f, from: b[f] ?? null, to: a[f] ?? null }));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const chinaTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as China time, YYYY-MM-DD HH:mm:ss. */
export function formatChinaTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : chinaTime.format(d);
}

/** The label of an audit action; an unknown one reads 其他操作 with its code for reference. */
export function actionLabel(t: TFunction, action: string): string {
  const key = action.replaceAll('.', '_');
  const known = t(`auditLabels.actions.${key}`, { defaultValue: '' });
  if (known) return known;
  const legacy = t(`audit.actions.${key}`, { defaultValue: '' });
  return legacy || `${t('auditLabels.other')}(${action})`;
}

export function fieldLabel(t: TFunction, field: string): string {
  return t(`auditLabels.fields.${field}`, { defaultValue: field });
}

/** A recorded value in words: blanks as —, instants in China time, lists joined, objects as label value pairs. */
export function showValue(t: TFunction, v: unknown, depth = 0): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'string') return ISO_INSTANT.test(v) ? formatChinaTime(v) : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((x) => showValue(t, x, depth + 1)).join('、') || '—';
  if (typeof v === 'object') {
    if (depth > 1) return '…';
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${fieldLabel(t, k)} ${showValue(t, x, depth + 1)}`)
      .join(',');
  }
  return String(v);
}

// JSON transport makes `unknown` fields optional.
type AuditRow = Omit<AuditEntry, 'before' | 'after'> & { before?: unknown; after?: unknown };

export function AuditTable({ entries, loading }: { entries: AuditRow[]; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<AuditRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={entries}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid="audit-table"
      columns={[
        { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatChinaTime(at) },
        { title: t('audit.actor'), dataIndex: 'actorName', width: 180, render: (name: string) => actorName(name, t) },
        { title: t('audit.action'), dataIndex: 'action', width: 160, render: (action: string) => actionLabel(t, action) },
        {
          title: t('audit.change'),
          render: (_, e) => (
            <Typography.Text style={{ fontSize: 12 }}>
              {describeChange(e.before, e.after)
                .slice(0, 8)
                .map((c) => `${fieldLabel(t, c.field)}: ${showValue(t, c.from)} → ${showValue(t, c.to)}`)
                .join(';')}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
