import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitKinds, type UnitKind } from '@kaoping/contracts/units/unit';
import type { LiaisonUnitSelection } from '@kaoping/contracts/users/user';
import { downloadBase64 } from '../../lib/files';
import { errorMessage, useTRPC } from '../../trpc';
import { useGroupYear } from '../units/use-current-year';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Liaison accounts for many units at once; the one-time passwords arrive only as the downloaded sheet. */
export function BulkLiaisonsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { year } = useGroupYear();
  const [scope, setScope] = useState<LiaisonUnitSelection['scope']>('all');
  const [groupId, setGroupId] = useState<number | null>(null);
  const [kind, setKind] = useState<UnitKind>('township');
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [skipExisting, setSkipExisting] = useState(true);
  const groups = useQuery(trpc.groups.list.queryOptions({ year }));
  const units = useQuery(trpc.units.options.queryOptions());
  const run = useMutation(
    trpc.users.bulkCreateLiaisons.mutationOptions({
      onSuccess: (r) => {
        if (r.xlsxBase64) downloadBase64(r.fileName, r.xlsxBase64, XLSX);
        void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
    }),
  );
  const selection = (): LiaisonUnitSelection | null => {
    switch (scope) {
      case 'all':
        return { scope };
      case 'group':
        return groupId === null ? null : { scope, groupId };
      case 'kind':
        return { scope, kind };
      case 'units':
        return unitIds.length === 0 ? null : { scope, unitIds };
    }
  };
  const chosen = selection();
  const result = run.data;
  return (
    <Modal
      open
      width={640}
      title={t('accounts.users.bulk')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary">{t('accounts.users.bulkHelp')}</Typography.Paragraph>
        <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as LiaisonUnitSelection['scope'])} data-testid="bulk-scope">
          <Radio value="all">{t('accounts.users.scopeAll')}</Radio>
          <Radio value="group">{t('accounts.users.scopeGroup')}</Radio>
          <Radio value="kind">{t('accounts.users.scopeKind')}</Radio>
          <Radio value="units">{t('accounts.users.scopeUnits')}</Radio>
        </Radio.Group>
        {scope === 'group' && (
          <Select
            style={{ width: 320 }}
            placeholder={t('accounts.users.group')}
            value={groupId}
            onChange={setGroupId}
            options={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.name}(${g.unitCount})` }))}
          />
        )}
        {scope === 'kind' && (
          <Select
            style={{ width: 320 }}
            value={kind}
            onChange={setKind}
            options={unitKinds.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
          />
        )}
        {scope === 'units' && (
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('accounts.users.units')}
            value={unitIds}
            onChange={setUnitIds}
            options={(units.data ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
          />
        )}
        <Checkbox checked={skipExisting} onChange={(e) => setSkipExisting(e.target.checked)}>
          {t('accounts.users.skipExisting')}
        </Checkbox>
        <Button
          type="primary"
          disabled={chosen === null}
          loading={run.isPending}
          onClick={() => chosen && run.mutate({ selection: chosen, skipUnitsWithLiaison: skipExisting })}
          data-testid="bulk-run"
        >
          {t('accounts.users.bulkRun')}
        </Button>
        {run.error && <Alert type="error" showIcon title={errorMessage(run.error)} />}
        {result && (
          <Alert
            type={result.created.length > 0 ? 'success' : 'info'}
            showIcon
            data-testid="bulk-result"
            title={
              result.created.length > 0 ? t('accounts.users.bulkDone', { count: result.created.length }) : t('accounts.users.bulkNone')
            }
            description={
              <Space orientation="vertical">
                {result.skippedUnits.length > 0 && <span>{t('accounts.users.bulkSkipped', { count: result.skippedUnits.length })}</span>}
                {result.xlsxBase64 && (
                  <Button size="small" onClick={() => downloadBase64(result.fileName, result.xlsxBase64 ?? '', XLSX)}>
                    {t('accounts.users.downloadAgain')}
                  </Button>
                )}
              </Space>
            }
          />
        )}
      </Space>
    </Modal>
  );
}
