import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@kaoping/contracts/audit/audit';

/** Field-level before → after for one audit entry (only the fields that changed). */
export function describeChange(before: unknown, after: unknown): { field: string; from: string; to: string }[] {
  const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const b = asRecord(before);
  const a = asRecord(after);
  const skip = new Set(['version', 'updatedAt', 'createdAt', 'id']);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !skip.has(f));
  const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return fields.filter((f) => show(b[f]) !== show(a[f])).map((f) => ({ field: f, from: show(b[f]), to: show(a[f]) }));
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
      columns={[
        { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
        { title: t('audit.actor'), dataIndex: 'actorName', width: 180 },
        { title: t('audit.action'), dataIndex: 'action', width: 150, render: (action: string) => t(`audit.actions.${action.replaceAll('.', '_')}`, { defaultValue: action }) },
        {
          title: t('audit.change'),
          render: (_, e) => (
            <Typography.Text style={{ fontSize: 12 }}>
              {describeChange(e.before, e.after)
                .slice(0, 8)
                .map((c) => `${c.field}: ${c.from} → ${c.to}`)
                .join(';')}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
