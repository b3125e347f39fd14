// The form-based scheme editor: the indicator tree (drag to move, or up/down), each node's
// points with its children's sum checked against it, a leaf's rule kind and that kind's fields,
// applicability (groups, tags), the `na` policy, and the scheme-level parts. Every edit goes
// through the pure reducer in @kaoping/domain/scheme-editor; validation is shown by the caller.
import { Button, Card, Col, Empty, Input, InputNumber, Radio, Row, Select, Space, Switch, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leafRuleKinds, type IndicatorNode, type LeafRuleKind, type Scheme } from '@kaoping/contracts/scoring/scheme';
import { childrenSum, editScheme, nodeAt, type NodePath, type SchemeEditAction } from '@kaoping/domain/scheme-editor/scheme-editor';
import { RuleFields } from './rule-fields';
import { SchemePartsEditor } from './scheme-parts-editor';

const keyOf = (path: NodePath) => path.join('-');
const pathOf = (key: string): number[] => key.split('-').map(Number);
const fmt = (n: number) => String(Number(n.toFixed(3)));

function buildTree(nodes: readonly IndicatorNode[], prefix: number[], label: (n: IndicatorNode) => React.ReactNode): TreeDataNode[] {
  return nodes.map((node, i) => {
    const path = [...prefix, i];
    return { key: keyOf(path), title: label(node), children: node.children ? buildTree(node.children, path, label) : undefined };
  });
}

function allKeys(nodes: readonly IndicatorNode[], prefix: number[] = []): string[] {
  return nodes.flatMap((n, i) => [keyOf([...prefix, i]), ...allKeys(n.children ?? [], [...prefix, i])]);
}

export function SchemeFormEditor({ scheme, onChange }: { scheme: Scheme; onChange: (next: Scheme) => void }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<number[] | null>(null);
  const dispatch = (action: SchemeEditAction) => onChange(editScheme(scheme, action));
  const node = selected ? nodeAt(scheme, selected) : undefined;

  const treeData = useMemo(
    () =>
      buildTree(scheme.indicators, [], (n) => {
        const sum = childrenSum(n);
        const bad = sum !== null && Math.round(sum * 1000) !== Math.round(n.points * 1000);
        return (
          <span data-testid={`scheme-node-${n.code}`}>
            {n.code} {n.name} <Tag style={{ marginInlineStart: 4 }}>{fmt(n.points)}</Tag>
            {sum !== null && (
              <Tag color={bad ? 'red' : 'default'}>
                {bad
                  ? t('schemeEditor.sumMismatch', { sum: fmt(sum), points: fmt(n.points) })
                  : t('schemeEditor.childrenSum', { sum: fmt(sum) })}
              </Tag>
            )}
            {!n.children && n.rule && <Tag color="blue">{t(`schemeEditor.kinds.${n.rule.kind}`)}</Tag>}
          </span>
        );
      }),
    [scheme.indicators, t],
  );

  const onDrop: TreeProps['onDrop'] = (info) => {
    const from = pathOf(String(info.dragNode.key));
    const target = pathOf(String(info.node.key));
    const relative = info.dropPosition - (target[target.length - 1] ?? 0);
    if (!info.dropToGap) dispatch({ type: 'move-to', path: from, parent: target, index: (nodeAt(scheme, target)?.children ?? []).length });
    else
      dispatch({
        type: 'move-to',
        path: from,
        parent: target.length > 1 ? target.slice(0, -1) : null,
        index: (target[target.length - 1] ?? 0) + (relative === -1 ? 0 : 1),
      });
    setSelected(null);
  };

  const isLeaf = node !== undefined && (node.children ?? []).length === 0;
  const groupOptions = scheme.groups.map((g) => ({ value: g.code, label: `${g.code} ${g.name}` }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="scheme-form">
      <Row gutter={12}>
        <Col span={11}>
          <Card
            size="small"
            title={t('schemeEditor.tree')}
            extra={
              <Space>
                <Button size="small" onClick={() => dispatch({ type: 'renumber' })}>
                  {t('schemeEditor.renumber')}
                </Button>
                <Button size="small" onClick={() => dispatch({ type: 'add-node', parent: null })} data-testid="scheme-add-top">
                  {t('schemeEditor.addTop')}
                </Button>
              </Space>
            }
          >
            <Tree
              blockNode
              draggable
              showLine
              expandedKeys={allKeys(scheme.indicators)}
              selectedKeys={selected ? [keyOf(selected)] : []}
              onSelect={(keys) => setSelected(keys[0] === undefined ? null : pathOf(String(keys[0])))}
              onDrop={onDrop}
              treeData={treeData}
              style={{ maxHeight: 480, overflow: 'auto' }}
            />
          </Card>
        </Col>
        <Col span={13}>
          <Card size="small" title={node ? `${node.code} ${node.name}` : t('schemeEditor.selectNode')} data-testid="scheme-node-form">
            {node && selected ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Button size="small" onClick={() => dispatch({ type: 'add-node', parent: selected })} data-testid="node-add-child">
                    {t('schemeEditor.addChild')}
                  </Button>
                  <Button
                    size="small"
                    disabled={(selected[selected.length - 1] ?? 0) === 0}
                    onClick={() => (
                      dispatch({ type: 'move-node', path: selected, direction: 'up' }),
                      setSelected([...selected.slice(0, -1), (selected[selected.length - 1] ?? 0) - 1])
                    )}
                  >
                    {t('schemeEditor.up')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => (
                      dispatch({ type: 'move-node', path: selected, direction: 'down' }),
                      setSelected([
                        ...selected.slice(0, -1),
                        Math.min(
                          (selected[selected.length - 1] ?? 0) + 1,
                          (selected.length === 1
                            ? scheme.indicators.length
                            : (nodeAt(scheme, selected.slice(0, -1))?.children ?? []).length) - 1,
                        ),
                      ])
                    )}
                  >
                    {t('schemeEditor.down')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => (dispatch({ type: 'remove-node', path: selected }), setSelected(null))}
                    data-testid="node-remove"
                  >
                    {t('schemeEditor.remove')}
                  </Button>
                </Space>
                <Space wrap>
                  <span>{t('schemeEditor.node.code')}</span>
                  <Input
                    aria-label={t('schemeEditor.node.code')}
                    style={{ width: 110 }}
                    value={node.code}
                    onChange={(e) => dispatch({ type: 'set-code', path: selected, code: e.target.value })}
                    data-testid="node-code"
                  />
                  <span>{t('schemeEditor.node.name')}</span>
                  <Input
                    aria-label={t('schemeEditor.node.name')}
                    style={{ width: 200 }}
                    value={node.name}
                    onChange={(e) => dispatch({ type: 'rename-node', path: selected, name: e.target.value })}
                    data-testid="node-name"
                  />
                  <span>{t('schemeEditor.node.points')}</span>
                  <InputNumber
                    aria-label={t('schemeEditor.node.points')}
                    min={0}
                    step={0.5}
                    value={node.points}
                    onChange={(v) => dispatch({ type: 'set-points', path: selected, points: typeof v === 'number' ? v : 0 })}
                    data-testid="node-points"
                  />
                </Space>
                {isLeaf ? (
                  <>
                    <Space>
                      <span>{t('schemeEditor.node.rule')}</span>
                      <Select<LeafRuleKind>
                        style={{ width: 200 }}
                        value={node.rule?.kind ?? 'manual'}
                        onChange={(kind) => dispatch({ type: 'set-rule-kind', path: selected, kind })}
                        options={leafRuleKinds.map((k) => ({ value: k, label: t(`schemeEditor.kinds.${k}`) }))}
                        data-testid="node-rule-kind"
                      />
                    </Space>
                    {node.rule && <RuleFields rule={node.rule} onChange={(rule) => dispatch({ type: 'set-rule', path: selected, rule })} />}
                    <Space wrap>
                      <span>{t('schemeEditor.node.na')}</span>
                      <Radio.Group
                        value={node.na && typeof node.na === 'object' ? 'rate' : 'exclude'}
                        onChange={(e) =>
                          dispatch({ type: 'set-na', path: selected, na: e.target.value === 'rate' ? { rate: 0.8 } : undefined })
                        }
                      >
                        <Radio value="exclude">{t('schemeEditor.node.naExclude')}</Radio>
                        <Radio value="rate">{t('schemeEditor.node.naRate')}</Radio>
                      </Radio.Group>
                      {node.na && typeof node.na === 'object' && (
                        <InputNumber
                          size="small"
                          aria-label={t('schemeEditor.node.naRateValue')}
                          min={0}
                          max={1}
                          step={0.1}
                          value={node.na.rate}
                          onChange={(v) => dispatch({ type: 'set-na', path: selected, na: { rate: typeof v === 'number' ? v : 0 } })}
                        />
                      )}
                    </Space>
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('schemeEditor.node.parentNote')}</Typography.Text>
                )}
                <Space wrap>
                  <span>{t('schemeEditor.node.groups')}</span>
                  <Select
                    mode="multiple"
                    allowClear
                    style={{ minWidth: 240 }}
                    placeholder={t('schemeEditor.node.allGroups')}
                    value={node.appliesTo?.groups ?? []}
                    options={groupOptions}
                    onChange={(groups: string[]) =>
                      dispatch({ type: 'set-applies-to', path: selected, appliesTo: { ...node.appliesTo, groups } })
                    }
                    data-testid="node-groups"
                  />
                  <span>{t('schemeEditor.node.tags')}</span>
                  <Select
                    mode="tags"
                    allowClear
                    style={{ minWidth: 200 }}
                    value={node.appliesTo?.tags ?? []}
                    onChange={(tags: string[]) =>
                      dispatch({ type: 'set-applies-to', path: selected, appliesTo: { ...node.appliesTo, tags } })
                    }
                  />
                </Space>
                {selected.length === 1 && (
                  <Space>
                    <Switch
                      size="small"
                      checked={node.pooledDeductions === true}
                      onChange={(pooled) => dispatch({ type: 'set-pooled', path: selected, pooled })}
                    />
                    <span>{t('schemeEditor.node.pooled')}</span>
                  </Space>
                )}
              </Space>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schemeEditor.selectNode')} />
            )}
          </Card>
        </Col>
      </Row>
      <SchemePartsEditor scheme={scheme} dispatch={dispatch} />
    </Space>
  );
}
