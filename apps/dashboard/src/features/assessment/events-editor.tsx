// A unit's vetoes, bonus items and major deductions in a round: listed with their notes; an
// assessor records or removes one (in a published round only as a correction with a reason).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '../../trpc';
import type { SheetOutput } from './assessment-format';

type EventItem = SheetOutput['events']['vetoes'][number] & { type: 'veto' | 'major' | 'bonus' };
const COLORS = { veto: 'red', major: 'volcano', bonus: 'green' } as const;

export function EventsEditor(props: { sheet: SheetOutput; schemeId: number; canEdit: boolean; isDraft: boolean }) {
  const { sheet, schemeId, canEdit, isDraft } = props;
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const scheme = useQuery({ ...trpc.assessment.schemes.get.queryOptions({ id: schemeId }), enabled: canEdit });
  const onSuccess = () => void queryClient.invalidateQueries();
  const add = useMutation(
    trpc.assessment.inputs.addEvent.mutationOptions({
      onSuccess: () => (onSuccess(), setCode(null), setNote('')),
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  const remove = useMutation(
    trpc.assessment.inputs.removeEvent.mutationOptions({ onSuccess, onError: (e) => void message.error(errorMessage(e)) }),
  );
  const events: EventItem[] = [
    ...sheet.events.vetoes.map((e) => ({ ...e, type: 'veto' as const })),
    ...sheet.events.major.map((e) => ({ ...e, type: 'major' as const })),
    ...sheet.events.bonus.map((e) => ({ ...e, type: 'bonus' as const })),
  ];
  const options = scheme.data
    ? [
        {
          label: t('assessment.schemes.vetoes'),
          options: scheme.data.vetoes.map((v) => ({ value: v.code, label: `${v.code} ${v.name}` })),
        },
        {
          label: t('assessment.schemes.major'),
          options: scheme.data.majorDeductions.map((m) => ({ value: m.code, label: `${m.code} ${m.name}(−${m.points})` })),
        },
        {
          label: t('assessment.schemes.bonus'),
          options: (scheme.data.bonus?.items ?? []).map((b) => ({ value: b.code, label: `${b.code} ${b.name}(+${b.points})` })),
        },
      ]
    : [];
  const needsReason = !isDraft;
  const reasonOk = !needsReason || reason.trim().length >= 2;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {events.length === 0 && !canEdit && <Typography.Text type="secondary">{t('assessment.events.none')}</Typography.Text>}
      {events.map((e) => (
        <Space key={`${e.type}-${e.eventIndex}`}>
          <Tag color={COLORS[e.type]}>{`${t(`assessment.results.${e.type}`)} ${e.code}`}</Tag>
          <span>{e.name}</span>
          {e.note && <Typography.Text type="secondary">{`(${e.note})`}</Typography.Text>}
          {canEdit && e.eventId !== null && (
            <Popconfirm
              title={t('assessment.events.removeConfirm')}
              okButtonProps={{ disabled: !reasonOk }}
              onConfirm={() => remove.mutate({ eventId: e.eventId ?? 0, reason: reason.trim() })}
            >
              <Button size="small" type="link" danger>
                {t('assessment.events.remove')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ))}
      {canEdit && (
        <Space wrap>
          <Select
            style={{ width: 260 }}
            placeholder={t('assessment.events.code')}
            value={code}
            onChange={setCode}
            options={options}
            loading={scheme.isPending}
          />
          <Input style={{ width: 260 }} placeholder={t('assessment.events.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          {needsReason && (
            <Input
              style={{ width: 200 }}
              placeholder={t('assessment.round.correctReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
          <Button
            disabled={code === null || note.trim().length < 2 || !reasonOk}
            loading={add.isPending}
            onClick={() =>
              code && add.mutate({ roundId: sheet.round.id, unitId: sheet.unit.id, code, note: note.trim(), reason: reason.trim() })
            }
          >
            {t('assessment.events.add')}
          </Button>
        </Space>
      )}
      {add.error && <Alert type="error" showIcon title={errorMessage(add.error)} />}
    </Space>
  );
}
