// A leaf's rule as a form: the fields of its kind (spec scoring.md §1 "Leaf rules").
import { InputNumber, Space, Typography } from 'antd';
import type { LeafRule } from '@kaoping/contracts/scoring/scheme';
import { useTranslation } from 'react-i18next';
import { ListEditor } from './list-editor';

function NumberField({
  label,
  value,
  onChange,
  max,
  testId,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  max?: number;
  testId?: string;
}) {
  return (
    <Space size={4}>
      <span>{label}</span>
      <InputNumber
        size="small"
        aria-label={label}
        min={0}
        max={max}
        step={0.5}
        value={value}
        onChange={(v) => onChange(typeof v === 'number' ? v : 0)}
        data-testid={testId}
      />
    </Space>
  );
}

export function RuleFields({ rule, onChange }: { rule: LeafRule; onChange: (rule: LeafRule) => void }) {
  const { t } = useTranslation();
  switch (rule.kind) {
    case 'manual':
      return <Typography.Text type="secondary">{t('schemeEditor.rule.manualHelp')}</Typography.Text>;
    case 'binary':
      return <Typography.Text type="secondary">{t('schemeEditor.rule.binaryHelp')}</Typography.Text>;
    case 'checklist':
      return (
        <ListEditor
          testId="rule-checklist"
          items={rule.items}
          onChange={(items) => onChange({ ...rule, items })}
          make={() => ({ code: String.fromCharCode(97 + (rule.items.length % 26)), name: '', points: 0 })}
          fields={[
            { key: 'code', label: t('schemeEditor.rule.itemCode'), kind: 'text', width: 60 },
            { key: 'name', label: t('schemeEditor.rule.itemName'), kind: 'text', width: 200 },
            { key: 'points', label: t('schemeEditor.rule.itemPoints'), kind: 'number' },
          ]}
        />
      );
    case 'graded':
      return (
        <ListEditor
          testId="rule-graded"
          items={rule.levels}
          onChange={(levels) => onChange({ ...rule, levels })}
          make={() => ({ label: '', points: 0 })}
          fields={[
            { key: 'label', label: t('schemeEditor.rule.levelLabel'), kind: 'text', width: 100 },
            { key: 'points', label: t('schemeEditor.rule.levelPoints'), kind: 'number' },
          ]}
        />
      );
    case 'rate':
      return (
        <Space wrap>
          <NumberField
            label={t('schemeEditor.rule.target')}
            value={rule.target}
            max={100}
            onChange={(target) => onChange({ ...rule, target })}
          />
          <NumberField
            label={t('schemeEditor.rule.perPointBelow')}
            value={rule.perPointBelow}
            onChange={(perPointBelow) => onChange({ ...rule, perPointBelow })}
          />
        </Space>
      );
    case 'deduct':
      return (
        <NumberField
          label={t('schemeEditor.rule.perFinding')}
          value={rule.perFinding}
          onChange={(perFinding) => onChange({ ...rule, perFinding })}
          testId="rule-per-finding"
        />
      );
    case 'rectification':
      return (
        <Space wrap>
          <NumberField label={t('schemeEditor.rule.perLate')} value={rule.perLate} onChange={(perLate) => onChange({ ...rule, perLate })} />
          <NumberField
            label={t('schemeEditor.rule.perRejected')}
            value={rule.perRejected}
            onChange={(perRejected) => onChange({ ...rule, perRejected })}
          />
        </Space>
      );
  }
}
