// 检查设置 (office only): required columns and intervals (national defaults until saved), crawl limits,
// the monthly schedule, and the 错敏词 list imported from .xlsx/.csv (all or nothing).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Space, Table, Typography, Upload } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inputs } from '../../api-types';
import { fileToBase64 } from '../../lib/files';
import { errorMessage, useTRPC } from '../../trpc';

type Values = Omit<Inputs['siteCheck']['saveSettings'], 'version'>;

export function SiteCheckSettings() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const settings = useQuery(trpc.siteCheck.settings.queryOptions());
  const words = useQuery(trpc.siteCheck.words.queryOptions());
  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({ columns: settings.data.columns, limits: settings.data.limits, scheduleDay: settings.data.scheduleDay });
  }, [settings.data, form]);
  const save = useMutation(
    trpc.siteCheck.saveSettings.mutationOptions({
      onSuccess: () => {
        void message.success(t('siteCheck.settings.saved'));
        void queryClient.invalidateQueries({ queryKey: trpc.siteCheck.settings.queryKey() });
      },
      onError: (e) => void message.error(errorMessage(e)),
    }),
  );
  const importWords = useMutation(
    trpc.siteCheck.importWords.mutationOptions({
      onSuccess: (r) => {
        void message.success(t('siteCheck.settings.imported', { count: r.count }));
        void queryClient.invalidateQueries({ queryKey: trpc.siteCheck.words.queryKey() });
      },
      onError: (e) => void message.error({ content: errorMessage(e), duration: 10 }),
    }),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate({ ...v, scheduleDay: v.scheduleDay ?? null, version: settings.data?.version ?? 0 })}
      >
        <Card size="small" title={t('siteCheck.settings.columns')}>
          <Form.List name="columns">
            {(fields, { add, remove }) => (
              <Space orientation="vertical">
                {fields.map((f) => (
                  <Space key={f.key}>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} noStyle>
                      <Input placeholder={t('siteCheck.settings.columnName')} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'intervalDays']} rules={[{ required: true }]} noStyle>
                      <InputNumber min={1} max={3650} addonAfter={t('siteCheck.settings.interval')} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>{t('common.cancel')}</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ name: '', intervalDays: 365 })}>{t('siteCheck.settings.addColumn')}</Button>
              </Space>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={t('siteCheck.settings.limits')} style={{ marginTop: 12 }}>
          <Space wrap>
            <Form.Item name={['limits', 'maxPages']} label={t('siteCheck.settings.maxPages')}>
              <InputNumber min={1} max={5000} />
            </Form.Item>
            <Form.Item name={['limits', 'maxDepth']} label={t('siteCheck.settings.maxDepth')}>
              <InputNumber min={0} max={10} />
            </Form.Item>
            <Form.Item name={['limits', 'perHostConcurrency']} label={t('siteCheck.settings.perHost')}>
              <InputNumber min={1} max={8} />
            </Form.Item>
            <Form.Item name={['limits', 'minIntervalMs']} label={t('siteCheck.settings.interval_ms')}>
              <InputNumber min={0} max={60000} />
            </Form.Item>
            <Form.Item name={['limits', 'pageTimeoutMs']} label={t('siteCheck.settings.timeout')}>
              <InputNumber min={1000} max={60000} />
            </Form.Item>
            <Form.Item name="scheduleDay" label={t('siteCheck.settings.schedule')}>
              <InputNumber min={1} max={28} />
            </Form.Item>
          </Space>
        </Card>
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12 }} data-testid="site-settings-save">
          {t('common.save')}
        </Button>
      </Form>
      <Card
        size="small"
        title={t('siteCheck.settings.words', { count: words.data?.length ?? 0 })}
        extra={
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void fileToBase64(file).then((contentBase64) => importWords.mutate({ fileName: file.name, contentBase64 }));
              return false;
            }}
          >
            <Button loading={importWords.isPending}>{t('siteCheck.settings.importWords')}</Button>
          </Upload>
        }
      >
        <Typography.Paragraph type="secondary">{t('siteCheck.settings.wordsHelp')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="word"
          dataSource={words.data ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('siteCheck.settings.word'), dataIndex: 'word' },
            { title: t('siteCheck.settings.suggestion'), dataIndex: 'suggestion', render: (s: string | null) => s ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
