// A small editable list (rows of inputs with add/remove), for checklist items, graded levels,
// groups, vetoes, bonus items, major deductions and grade bands.
import { Button, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export type ListField<T> =
  | { key: keyof T & string; label: string; kind: 'text'; width?: number }
  | { key: keyof T & string; label: string; kind: 'number'; width?: number; min?: number; max?: number }
  | { key: keyof T & string; label: string; kind: 'select'; width?: number; options: { value: string; label: string }[] };

export function ListEditor<T extends object>({
  items,
  fields,
  onChange,
  make,
  testId,
}: {
  items: readonly T[];
  fields: ListField<T>[];
  onChange: (items: T[]) => void;
  /** Makes a new row for 添加; without it the list has no 添加 (the caller offers its own, e.g. a form that asks first). */
  make?: () => T;
  testId?: string;
}) {
  const { t } = useTranslation();
  const set = (index: number, key: string, value: unknown) =>
    onChange(items.map((item, i) => (i === index ? ({ ...item, [key]: value } as T) : item)));
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid={testId}>
      {items.map((item, index) => (
        <Space key={index} wrap size={4}>
          {fields.map((f) => {
            const value = (item as Record<string, unknown>)[f.key];
            if (f.kind === 'number') {
              return (
                <InputNumber
                  key={f.key}
                  size="small"
                  aria-label={f.label}
                  placeholder={f.label}
                  style={{ width: f.width ?? 90 }}
                  min={f.min ?? 0}
                  max={f.max}
                  step={0.5}
                  value={typeof value === 'number' ? value : null}
                  onChange={(v) => set(index, f.key, typeof v === 'number' ? v : 0)}
                />
              );
            }
            if (f.kind === 'select') {
              return (
                <Select
                  key={f.key}
                  size="small"
                  aria-label={f.label}
                  style={{ width: f.width ?? 130 }}
                  value={typeof value === 'string' ? value : undefined}
                  options={f.options}
                  onChange={(v: string) => set(index, f.key, v)}
                />
              );
            }
            return (
              <Input
                key={f.key}
                size="small"
                aria-label={f.label}
                placeholder={f.label}
                style={{ width: f.width ?? 160 }}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => set(index, f.key, e.target.value)}
              />
            );
          })}
          <Button size="small" danger type="text" onClick={() => onChange(items.filter((_, i) => i !== index))}>
            {t('schemeEditor.remove')}
          </Button>
        </Space>
      ))}
      {make && (
        <Button size="small" type="dashed" onClick={() => onChange([...items, make()])}>
          {t('schemeEditor.parts.add')}
        </Button>
      )}
    </Space>
  );
}
