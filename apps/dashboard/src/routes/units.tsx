import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { unitKinds, type UnitKind, type UnitListRow } from '@kaoping/contracts/units/unit';
import { UnitFormDialog } from '../features/units/unit-form-dialog';
import { UnitImportDialog } from '../features/units/unit-import-dialog';
import { useGroupYear } from '../features/units/use-current-year';
import { chinaToday } from '@kaoping/domain/period/period';
import { isUnitActiveOn } from '../features/units/unit-status';
import { useTRPC } from '../trpc';

export function UnitsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { year, years, setYear } = useGroupYear();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [parentId, setParentId] = useState<number | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const isOffice = user.role === 'admin';

  const groups = useQuery(trpc.groups.list.queryOptions({ year }));
  const parents = useQuery(trpc.units.list.queryOptions({ year, kind: 'county_gov', pageSize: 200 }));
  const list = useQuery({
    ...trpc.units.list.queryOptions({ year, search, kind, groupId, parentId, includeInactive, page, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('units.title')}
        </Typography.Title>
        {isOffice && (
          <Space>
            <Button onClick={() => setDialog('import')} data-testid="open-import">
              {t('units.import')}
            </Button>
            <Button type="primary" onClick={() => setDialog('create')}>
              {t('units.create')}
            </Button>
          </Space>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('units.searchPlaceholder')}
          style={{ width: 240 }}
          onSearch={(v) => (setSearch(v), setPage(1))}
          data-testid="unit-search"
        />
        <Select
          style={{ width: 100 }}
          value={year}
          onChange={(v) => (setYear(v), setGroupId(null))}
          options={years.map((y) => ({ value: y, label: `${y}` }))}
          aria-label={t('common.year')}
        />
        <Select
          allowClear
          placeholder={t('units.group')}
          style={{ width: 200 }}
          value={groupId}
          onChange={(v) => (setGroupId(v ?? null), setPage(1))}
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.code} ${g.name}` }))}
        />
        <Select
          allowClear
          placeholder={t('units.kind')}
          style={{ width: 130 }}
          value={kind}
          onChange={(v) => (setKind(v ?? null), setPage(1))}
          options={unitKinds.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('units.parent')}
          style={{ width: 220 }}
          value={parentId}
          onChange={(v) => (setParentId(v ?? null), setPage(1))}
          options={(parents.data?.rows ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          {t('common.showHistory')}
        </Checkbox>
      </Space>
      <Table<UnitListRow>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        data-testid="units-table"
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (count) => t('common.total', { count }),
        }}
        columns={[
          { title: t('units.code'), dataIndex: 'code', width: 110 },
          { title: t('units.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/units/${row.id}`}>{name}</Link> },
          { title: t('units.kind'), dataIndex: 'kind', width: 100, render: (k: UnitKind) => t(`units.kinds.${k}`) },
          { title: t('units.group'), dataIndex: 'groupName', width: 140, render: (name: string | null) => name ?? '—' },
          { title: t('units.parent'), dataIndex: 'parentName', render: (name: string | null) => name ?? '—' },
          { title: t('units.children'), dataIndex: 'childCount', width: 90 },
          { title: t('units.tags'), dataIndex: 'tags', render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
          {
            title: t('units.status'),
            dataIndex: 'validTo',
            width: 90,
            render: (validTo: string | null) =>
              isUnitActiveOn(validTo, chinaToday()) ? <Tag color="green">{t('units.active')}</Tag> : <Tag>{t('units.inactive')}</Tag>,
          },
        ]}
      />
      {dialog === 'create' && <UnitFormDialog mode="create" year={year} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <UnitImportDialog defaultYear={year} onClose={() => setDialog(null)} />}
    </Card>
  );
}
