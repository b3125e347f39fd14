// The scheme-level parts as forms: basics, groups, vetoes, bonus (gate, cap, items), major
// deductions, grade bands with an optional quota, annual weights.
import { useQuery } from '@tanstack/react-query';
import { Button, Collapse, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scheme, Veto } from '@kaoping/contracts/scoring/scheme';
import type { SchemeEditAction } from '@kaoping/domain/scheme-editor/scheme-editor';
import { useTRPC } from '../../trpc';
import { ListEditor } from './list-editor';

type VetoRow = { code: string; name: string; effect: 'fail' | 'cap'; capTo: number };
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

/**
 * 添加 for groups asks for the group first (one of the year's groups from 设置 › 分组, or a code and
 * a name typed in): a group without a name would make the scheme invalid the moment it is added.
 */
function GroupAdder({ scheme, onAdd }: { scheme: Scheme; onAdd: (group: { code: string; name: string }) => void }) {
  const { t } = useTranslation();
  const p = (key: string, values?: Record<string, string>) => t(`schemeEditor.parts.${key}`, values);
  const trpc = useTRPC();
  const yearGroups = useQuery(trpc.groups.list.queryOptions({ year: scheme.year }));
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const taken = new Set(scheme.groups.map((g) => g.code));
  const available = (yearGroups.data ?? []).filter((g) => !taken.has(g.code));
  const trimmedCode = code.trim();
  const duplicate = taken.has(trimmedCode);
  const valid = trimmedCode !== '' && /^[^\s;,]+$/.test(trimmedCode) && name.trim() !== '' && !duplicate;
  return (
    <Space wrap size={4} data-testid="scheme-group-adder">
      {available.length > 0 && (
        <Select<string>
          size="small"
          style={{ width: 200 }}
          aria-label={p('pickYearGroup')}
          placeholder={p('pickYearGroup')}
          // Remounted after each pick (key), so it offers the next group with its placeholder showing.
          key={scheme.groups.length}
          options={available.map((g) => ({ value: g.code, label: `${g.code} ${g.name}` }))}
          onChange={(picked) => {
            const group = available.find((g) => g.code === picked);
            if (group) onAdd({ code: group.code, name: group.name });
          }}
          data-testid="scheme-group-pick"
        />
      )}
      <Input
        size="small"
        aria-label={`${p('addGroup')} ${p('groupCode')}`}
        placeholder={p('groupCode')}
        style={{ width: 90 }}
        value={code}
        status={duplicate ? 'error' : undefined}
        onChange={(e) => setCode(e.target.value)}
        data-testid="scheme-group-new-code"
      />
      <Input
        size="small"
        aria-label={`${p('addGroup')} ${p('groupName')}`}
        placeholder={p('groupName')}
        style={{ width: 200 }}
        value={name}
        onChange={(e) => setName(e.target.value)}
        data-testid="scheme-group-new-name"
      />
      <Button
        size="small"
        type="dashed"
        disabled={!valid}
        onClick={() => {
          onAdd({ code: trimmedCode, name: name.trim() });
          setCode('');
          setName('');
        }}
        data-testid="scheme-group-add"
      >
        {p('addGroup')}
      </Button>
      {duplicate && <Typography.Text type="danger">{p('groupExists', { code: trimmedCode })}</Typography.Text>}
    </Space>
  );
}

export function SchemePartsEditor({ scheme, dispatch }: { scheme: Scheme; dispatch: (action: SchemeEditAction) => void }) {
  const { t } = useTranslation();
  const p = (key: string) => t(`schemeEditor.parts.${key}`);
  const item = [
    { key: 'code' as const, label: p('itemCode'), kind: 'text' as const, width: 70 },
    { key: 'name' as const, label: p('itemName'), kind: 'text' as const, width: 240 },
    { key: 'points' as const, label: p('itemPoints'), kind: 'number' as const },
  ];
  const vetoRows: VetoRow[] = scheme.vetoes.map((v) => ({
    code: v.code,
    name: v.name,
    effect: v.effect,
    capTo: v.effect === 'cap' ? v.capTo : 59,
  }));
  const toVetoes = (rows: VetoRow[]): Veto[] =>
    rows.map((r) =>
      r.effect === 'cap' ? { code: r.code, name: r.name, effect: 'cap', capTo: r.capTo } : { code: r.code, name: r.name, effect: 'fail' },
    );
  const bonus = scheme.bonus;
  const quota = scheme.grading.quota;
  return (
    <Collapse
      size="small"
      data-testid="scheme-parts"
      items={[
        {
          key: 'meta',
          label: p('meta'),
          children: (
            <Space wrap>
              <Input
                aria-label={p('code')}
                placeholder={p('code')}
                style={{ width: 140 }}
                value={scheme.code}
                onChange={(e) => dispatch({ type: 'set-meta', code: e.target.value })}
              />
              <Input
                aria-label={p('titleLabel')}
                placeholder={p('titleLabel')}
                style={{ width: 420 }}
                value={scheme.title}
                onChange={(e) => dispatch({ type: 'set-meta', title: e.target.value })}
              />
              <InputNumber
                aria-label={p('year')}
                min={2000}
                max={2100}
                value={scheme.year}
                onChange={(v) => typeof v === 'number' && dispatch({ type: 'set-meta', year: v })}
              />
            </Space>
          ),
        },
        {
          key: 'groups',
          label: `${p('groups')}(${scheme.groups.length})`,
          children: (
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <ListEditor
                items={scheme.groups}
                onChange={(groups) => dispatch({ type: 'set-groups', groups })}
                fields={[
                  { key: 'code', label: p('groupCode'), kind: 'text', width: 90 },
                  { key: 'name', label: p('groupName'), kind: 'text', width: 260 },
                ]}
                testId="scheme-groups"
              />
              <GroupAdder scheme={scheme} onAdd={(group) => dispatch({ type: 'set-groups', groups: [...scheme.groups, group] })} />
            </Space>
          ),
        },
        {
          key: 'vetoes',
          label: `${p('vetoes')}(${scheme.vetoes.length})`,
          children: (
            <ListEditor
              items={vetoRows}
              onChange={(rows) => dispatch({ type: 'set-vetoes', vetoes: toVetoes(rows) })}
              make={(): VetoRow => ({ code: `V${scheme.vetoes.length + 1}`, name: '', effect: 'fail', capTo: 59 })}
              fields={[
                { key: 'code', label: p('itemCode'), kind: 'text', width: 70 },
                { key: 'name', label: p('itemName'), kind: 'text', width: 240 },
                {
                  key: 'effect',
                  label: p('vetoEffect'),
                  kind: 'select',
                  options: [
                    { value: 'fail', label: p('vetoFail') },
                    { value: 'cap', label: p('vetoCap') },
                  ],
                },
                { key: 'capTo', label: p('capTo'), kind: 'number' },
              ]}
            />
          ),
        },
        {
          key: 'bonus',
          label: `${p('bonus')}(${bonus?.items.length ?? 0})`,
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Switch
                  size="small"
                  checked={bonus !== undefined}
                  onChange={(on) => dispatch({ type: 'set-bonus', bonus: on ? { gate: 80, cap: 5, items: [] } : undefined })}
                />
                <span>{p('bonusEnabled')}</span>
                {bonus && (
                  <>
                    <span>{p('gate')}</span>
                    <InputNumber
                      size="small"
                      aria-label={p('gate')}
                      min={0}
                      value={bonus.gate}
                      onChange={(v) => dispatch({ type: 'set-bonus', bonus: { ...bonus, gate: typeof v === 'number' ? v : 0 } })}
                    />
                    <span>{p('cap')}</span>
                    <InputNumber
                      size="small"
                      aria-label={p('cap')}
                      min={0}
                      value={bonus.cap}
                      onChange={(v) => dispatch({ type: 'set-bonus', bonus: { ...bonus, cap: typeof v === 'number' ? v : 0 } })}
                    />
                  </>
                )}
              </Space>
              {bonus && (
                <ListEditor
                  items={bonus.items}
                  onChange={(items) => dispatch({ type: 'set-bonus', bonus: { ...bonus, items } })}
                  make={() => ({ code: `J${bonus.items.length + 1}`, name: '', points: 1 })}
                  fields={item}
                />
              )}
            </Space>
          ),
        },
        {
          key: 'major',
          label: `${p('major')}(${scheme.majorDeductions.length})`,
          children: (
            <ListEditor
              items={scheme.majorDeductions}
              onChange={(majorDeductions) => dispatch({ type: 'set-major-deductions', majorDeductions })}
              make={() => ({ code: `Z${scheme.majorDeductions.length + 1}`, name: '', points: 5 })}
              fields={item}
            />
          ),
        },
        {
          key: 'grading',
          label: p('grading'),
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <ListEditor
                items={scheme.grading.bands}
                onChange={(bands) => dispatch({ type: 'set-grading', grading: { ...scheme.grading, bands } })}
                make={() => ({ grade: '', min: 0 })}
                fields={[
                  { key: 'grade', label: p('grade'), kind: 'text', width: 100 },
                  { key: 'min', label: p('min'), kind: 'number' },
                ]}
              />
              <Space wrap>
                <Switch
                  size="small"
                  checked={quota !== undefined}
                  onChange={(on) =>
                    dispatch({
                      type: 'set-grading',
                      grading: on
                        ? { ...scheme.grading, quota: { grade: scheme.grading.bands[0]?.grade ?? '优秀', maxPct: 30 } }
                        : { bands: scheme.grading.bands },
                    })
                  }
                />
                <span>{p('quota')}</span>
                {quota && (
                  <>
                    <Select
                      size="small"
                      aria-label={p('quotaGrade')}
                      style={{ width: 110 }}
                      value={quota.grade}
                      options={scheme.grading.bands.map((b) => ({ value: b.grade, label: b.grade }))}
                      onChange={(grade: string) =>
                        dispatch({ type: 'set-grading', grading: { ...scheme.grading, quota: { ...quota, grade } } })
                      }
                    />
                    <span>{p('maxPct')}</span>
                    <InputNumber
                      size="small"
                      aria-label={p('maxPct')}
                      min={0}
                      max={100}
                      value={quota.maxPct}
                      onChange={(v) =>
                        dispatch({
                          type: 'set-grading',
                          grading: { ...scheme.grading, quota: { ...quota, maxPct: typeof v === 'number' ? v : 0 } },
                        })
                      }
                    />
                  </>
                )}
              </Space>
            </Space>
          ),
        },
        {
          key: 'annual',
          label: p('annual'),
          children: (
            <Space wrap>
              <Switch
                size="small"
                checked={scheme.annual !== undefined}
                onChange={(on) =>
                  dispatch({ type: 'set-annual', annual: on ? { periods: { Q1: 0.25, Q2: 0.25, Q3: 0.25, Q4: 0.25 } } : undefined })
                }
              />
              {scheme.annual &&
                QUARTERS.map((q) => (
                  <Space key={q} size={4}>
                    <span>{q}</span>
                    <InputNumber
                      size="small"
                      aria-label={q}
                      min={0}
                      max={1}
                      step={0.05}
                      value={scheme.annual?.periods[q] ?? 0}
                      onChange={(v) =>
                        dispatch({
                          type: 'set-annual',
                          annual: { periods: { ...scheme.annual?.periods, [q]: typeof v === 'number' ? v : 0 } },
                        })
                      }
                    />
                  </Space>
                ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
