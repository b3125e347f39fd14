import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, List, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { AuditTable } from '../components/audit-table';
import { UnitDeactivateDialog } from '../features/units/unit-deactivate-dialog';
import { isUnitActiveOn } from '../features/units/unit-status';
import { chinaToday } from '@kaoping/domain/period/period';
import { UnitFormDialog } from '../features/units/unit-form-dialog';
import { UnitProfileSummary } from '../features/dashboard/unit-profile-summary';
import { errorCode, errorMessage, useTRPC } from '../trpc';

export function UnitDetailPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const id = Number(useParams().id);
  const [dialog, setDialog] = useState<'edit' | 'deactivate' | null>(null);
  const profile = useQuery({ ...trpc.units.get.queryOptions({ id }), enabled: Number.isInteger(id) && id > 0 });
  const history = useQuery({ ...trpc.audit.forUnit.queryOptions({ unitId: id }), enabled: profile.isSuccess });
  if (profile.isPending) return <Spin />;
  if (profile.error) {
    const code = errorCode(profile.error);
    return (
      <Result
        status={code === 'FORBIDDEN' ? '403' : code === 'NOT_FOUND' ? '404' : 'error'}
        title={code === 'FORBIDDEN' ? '403' : undefined}
        subTitle={errorMessage(profile.error)}
        data-testid="unit-error"
      />
    );
  }
  const { unit, parent, successor, children, groups } = profile.data;
  // Retired today counts as 已撤销 (the 撤销日期 is the first day out of office).
  const isActive = isUnitActiveOn(unit.validTo, chinaToday());
  const isOffice = user.role === 'admin';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="unit-name">
              {unit.name}
            </Typography.Title>
            {isActive ? (
              <Tag color="green" data-testid="unit-status">
                {t('units.active')}
              </Tag>
            ) : (
              <Tag data-testid="unit-status">{t('units.inactive')}</Tag>
            )}
          </Space>
        }
        extra={
          isOffice && (
            <Space>
              <Button onClick={() => setDialog('edit')}>{t('common.edit')}</Button>
              {isActive && (
                <Button danger onClick={() => setDialog('deactivate')}>
                  {t('units.deactivate')}
                </Button>
              )}
            </Space>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('units.code')}>{unit.code}</Descriptions.Item>
          <Descriptions.Item label={t('units.kind')}>{t(`units.kinds.${unit.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('units.parent')}>
            {parent ? <Link to={`/units/${parent.id}`}>{parent.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.validFrom')}>{unit.validFrom}</Descriptions.Item>
          <Descriptions.Item label={t('units.validTo')}>{unit.validTo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('units.successor')}>
            {successor ? <Link to={`/units/${successor.id}`}>{successor.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.tags')}>
            {unit.tags.length ? unit.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('units.note')}>{unit.note || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <UnitProfileSummary unitId={unit.id} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('common.paren', { text: t('units.children'), inner: children.length })} size="small">
            <List
              size="small"
              dataSource={children}
              locale={{ emptyText: t('common.noData') }}
              pagination={children.length > 10 ? { pageSize: 10, size: 'small' } : false}
              renderItem={(c) => (
                <List.Item>
                  {user.role === 'liaison' ? c.name : <Link to={`/units/${c.id}`}>{c.name}</Link>}
                  <span>
                    {t(`units.kinds.${c.kind}`)} {!c.isActive && <Tag>{t('units.inactive')}</Tag>}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('units.groupHistory')} size="small">
            <List
              size="small"
              dataSource={groups}
              locale={{ emptyText: t('common.noData') }}
              renderItem={(g) => <List.Item>{`${g.year}:${g.groupCode} ${g.groupName}`}</List.Item>}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('units.history')} size="small" data-testid="unit-history">
        <AuditTable entries={history.data ?? []} loading={history.isPending} />
      </Card>
      {dialog === 'edit' && <UnitFormDialog mode="edit" unit={unit} onClose={() => setDialog(null)} />}
      {dialog === 'deactivate' && <UnitDeactivateDialog unit={unit} onClose={() => setDialog(null)} />}
    </Space>
  );
}
