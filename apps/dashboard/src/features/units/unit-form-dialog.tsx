import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { unitCreateInputSchema, unitKinds, type Unit, type UnitKind } from '@kaoping/contracts/units/unit';
import { zodRules } from '../../lib/zod-form-rules';
import { errorMessage, useTRPC } from '../../trpc';

interface FormValues {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  tags: string[];
  validFrom: Dayjs;
  note: string;
  groupId: number | null;
}

// Each field is checked by the procedure's own schema (the update schema has the same fields).
const field = unitCreateInputSchema.shape;
const rules = {
  code: zodRules(field.code),
  name: zodRules(field.name),
  kind: zodRules(field.kind),
  tags: zodRules(field.tags),
  validFrom: zodRules<Dayjs>(field.validFrom, { toInput: (d) => d.format('YYYY-MM-DD') }),
  note: zodRules(field.note),
};

/** Create a unit, or edit one (optimistic concurrency: the loaded version is sent back). */
export function UnitFormDialog(
  props: { mode: 'create'; year: number; onClose: () => void } | { mode: 'edit'; unit: Unit; onClose: () => void },
) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const options = useQuery(trpc.units.options.queryOptions());
  const groups = useQuery({
    ...trpc.groups.list.queryOptions({ year: props.mode === 'create' ? props.year : 0 }),
    enabled: props.mode === 'create',
  });
  const onSuccess = async (text: string) => {
    await queryClient.invalidateQueries();
    void message.success(text);
    props.onClose();
  };
  const create = useMutation(trpc.units.create.mutationOptions({ onSuccess: () => onSuccess(t('units.created')) }));
  const update = useMutation(trpc.units.update.mutationOptions({ onSuccess: () => onSuccess(t('units.saved')) }));
  const error = create.error ?? update.error;
  const unit = props.mode === 'edit' ? props.unit : null;

  const submit = (v: FormValues) => {
    const common = {
      name: v.name,
      kind: v.kind,
      parentId: v.parentId ?? null,
      tags: v.tags ?? [],
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      note: v.note ?? '',
    };
    if (props.mode === 'create')
      create.mutate({ ...common, code: v.code, group: v.groupId ? { year: props.year, groupId: v.groupId } : null });
    else if (unit) update.mutate({ ...common, id: unit.id, version: unit.version });
  };

  return (
    <Modal
      open
      title={props.mode === 'create' ? t('units.create') : t('units.edit')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {error && (
        <div role="alert" style={{ color: '#cf1322', marginBottom: 12 }}>
          {errorMessage(error)}
        </div>
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          unit
            ? { ...unit, validFrom: dayjs(unit.validFrom) }
            : { kind: 'city_dept', tags: [], validFrom: dayjs(), parentId: null, groupId: null }
        }
      >
        <Form.Item name="code" label={t('units.code')} rules={rules.code}>
          <Input disabled={props.mode === 'edit'} maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t('units.name')} rules={rules.name}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={rules.kind}>
          <Select options={unitKinds.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.parent')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('units.noParent')}
            options={(options.data ?? [])
              .filter((o) => o.id !== unit?.id && o.isActive)
              .map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }))}
          />
        </Form.Item>
        {props.mode === 'create' && (
          <Form.Item name="groupId" label={`${t('units.group')}(${props.year})`}>
            <Select allowClear options={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.code} ${g.name}` }))} />
          </Form.Item>
        )}
        <Form.Item name="tags" label={t('units.tags')} rules={rules.tags}>
          <Select mode="tags" tokenSeparators={[';', ',', ',']} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('units.validFrom')} rules={rules.validFrom}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('units.note')} rules={rules.note}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
