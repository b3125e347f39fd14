// The scoring grid of one group: units × leaves. Each header shows the leaf's points and rule;
// each cell its value (typed as the rule says) and what it earns. Enter or ↓ saves and moves
// down, ↑ up, Tab across. `na` asks for a reason. Deduct leaves open the cell's findings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Outputs } from '../../api-types';
import { errorMessage, useTRPC } from '../../trpc';
import { describeRule, formatPoints, inputHint } from './assessment-format';
import { FindingsDrawer } from './findings-drawer';
import { cellKey, ScoreBatcher, type CellStatus } from './score-batch';

type Grid = Outputs['assessment']['inputs']['grid'];
type GridUnit = Grid['units'][number];
type GridLeaf = Grid['leaves'][number];
type GridCell = GridUnit['cells'][number];

function focusCell(row: number, col: number) {
  const el = document.querySelector<HTMLInputElement>(`input[data-cell="${row}-${col}"]`);
  el?.focus();
  el?.select();
}

function ScoreCell(props: {
  cell: GridCell;
  leaf: GridLeaf;
  row: number;
  col: number;
  editable: boolean;
  /** The cell's unsaved or just saved edit, if any. */
  saving: CellStatus | undefined;
  onSave: (value: string | null, expected: string | null) => void;
}) {
  const { cell, leaf, row, col, editable, saving, onSave } = props;
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  // An edit waiting in the batch (or refused) shows what was typed, not the server's value.
  const edited = saving && saving.state !== 'saved' ? saving.value : undefined;
  const shown = draft ?? (edited !== undefined ? (edited ?? '') : (cell.value ?? ''));
  const commit = () => {
    if (draft === null) return;
    const next = draft.trim();
    setDraft(null);
    if (next === (edited !== undefined ? (edited ?? '') : (cell.value ?? ''))) return;
    onSave(next === '' ? null : next, cell.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      commit();
      focusCell(row + 1, col);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      commit();
      focusCell(row - 1, col);
    } else if (e.key === 'Escape') {
      setDraft(null);
    }
  };
  const earned = cell.status === 'na' ? t('assessment.grid.na') : cell.earned === null ? '' : formatPoints(cell.earned);
  return (
    <div>
      <Tooltip title={cell.value === 'na' && cell.naReason ? `${t('assessment.grid.naReason')}:${cell.naReason}` : undefined}>
        <Input
          size="small"
          value={shown}
          disabled={!editable}
          placeholder={inputHint(t, leaf.rule)}
          status={saving?.state === 'failed' ? 'error' : cell.status === 'missing' ? 'warning' : undefined}
          data-cell={`${row}-${col}`}
          aria-label={`${leaf.code}`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
          style={{ width: 84 }}
        />
      </Tooltip>
      {saving ? (
        <div
          style={{
            fontSize: 11,
            height: 16,
            color: saving.state === 'failed' ? '#cf1322' : saving.state === 'saved' ? '#389e0d' : '#8c8c8c',
          }}
          data-testid={`cell-state-${saving.state}`}
        >
          {t(`assessment.grid.cellState.${saving.state}`)}
        </div>
      ) : (
        <div style={{ fontSize: 11, color: cell.status === 'missing' ? '#d48806' : '#8c8c8c', height: 16 }}>
          {cell.status === 'missing' ? t('assessment.grid.missing') : earned}
        </div>
      )}
    </div>
  );
}

export function ScoringGrid({
  roundId,
  group,
  editable,
  correctionReason,
}: {
  roundId: number;
  group: string;
  editable: boolean;
  correctionReason: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const grid = useQuery(trpc.assessment.inputs.grid.queryOptions({ roundId, group }));
  const [naPrompt, setNaPrompt] = useState<{ unitId: number; leaf: string; expected: string | null; reason: string } | null>(null);
  const [findingsOf, setFindingsOf] = useState<{ unit: GridUnit; leaf: GridLeaf } | null>(null);
  // Edits are saved together: ~300 ms after the last one, up to 500 cells in one saveScores call.
  const saveScores = useMutation(trpc.assessment.inputs.saveScores.mutationOptions());
  const [statuses, setStatuses] = useState<ReadonlyMap<string, CellStatus>>(new Map());
  const reason = useRef(correctionReason);
  reason.current = correctionReason;
  const batcher = useRef<ScoreBatcher | null>(null);
  useEffect(() => {
    const b = new ScoreBatcher({
      delayMs: 300,
      maxCells: 500,
      save: async (cells) => {
        await saveScores.mutateAsync({ roundId, cells, reason: reason.current });
        await queryClient.invalidateQueries();
      },
      onChange: setStatuses,
      onError: (error) => {
        void message.error(errorMessage(error));
        void queryClient.invalidateQueries({ queryKey: trpc.assessment.inputs.grid.queryKey({ roundId, group }) });
      },
    });
    batcher.current = b;
    return () => {
      // Leaving the grid sends what is still pending rather than dropping it.
      b.dispose();
      void b.flush();
    };
    // The mutation and clients are stable; a new round or group starts a new batch.
  }, [roundId, group]);
  // The grid reloaded: saved cells show the server's value again.
  useEffect(() => batcher.current?.forgetSaved(), [grid.dataUpdatedAt]);
  const send = (unitId: number, leaf: string, value: string | null, expected: string | null, naReason = '') =>
    batcher.current?.add({ unitId, leaf, value, naReason, expected });

  if (grid.error) return <Alert type="error" showIcon title={errorMessage(grid.error)} />;
  const data = grid.data;
  const leaves = data?.leaves ?? [];
  const units = data?.units ?? [];
  return (
    <>
      {data && data.issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('assessment.grid.issues')}
          description={data.issues.slice(0, 5).join(';')}
        />
      )}
      <Table<GridUnit>
        size="small"
        rowKey="id"
        loading={grid.isFetching}
        dataSource={units}
        pagination={false}
        scroll={{ x: 240 + leaves.length * 104 + 160, y: 620 }}
        data-testid="scoring-grid"
        columns={[
          {
            title: t('assessment.grid.unit'),
            dataIndex: 'name',
            fixed: 'left',
            width: 220,
            render: (name: string, u) => (
              <div>
                <Link to={`/assessment/rounds/${roundId}/units/${u.id}`}>{name}</Link>
                <div style={{ fontSize: 11, color: '#8c8c8c' }}>{u.code}</div>
              </div>
            ),
          },
          ...leaves.map((leaf, col) => ({
            key: leaf.code,
            width: 104,
            title: (
              <Tooltip title={`${leaf.code} ${leaf.name}:${describeRule(t, leaf.rule, leaf.points)}`}>
                <div style={{ lineHeight: 1.3 }}>
                  <div>{leaf.code}</div>
                  <div
                    style={{
                      fontWeight: 400,
                      fontSize: 11,
                      whiteSpace: 'nowrap',
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      maxWidth: 92,
                    }}
                  >
                    {leaf.name}
                  </div>
                  <div style={{ fontWeight: 400, fontSize: 11, color: '#8c8c8c' }}>
                    {t('assessment.grid.points', { points: formatPoints(leaf.points) })}
                  </div>
                </div>
              </Tooltip>
            ),
            render: (_: unknown, u: GridUnit, row: number) => {
              const cell = u.cells[col];
              if (!cell) return null;
              if (!cell.applicable) {
                return (
                  <Tooltip title={t('assessment.grid.notApplicable')}>
                    <Typography.Text type="secondary">
                      {leaf.na && typeof leaf.na === 'object' ? t('assessment.grid.naRate', { rate: formatPoints(leaf.na.rate) }) : '—'}
                    </Typography.Text>
                  </Tooltip>
                );
              }
              if (!leaf.needsInput) {
                const isDeduct = leaf.rule?.kind === 'deduct';
                return (
                  <div>
                    {isDeduct ? (
                      <Button
                        size="small"
                        type={cell.findings > 0 ? 'default' : 'dashed'}
                        danger={cell.findings > 0}
                        onClick={() => setFindingsOf({ unit: u, leaf })}
                        data-testid={`findings-${u.code}-${leaf.code}`}
                      >
                        {t('assessment.grid.findings', { count: cell.findingCount })}
                      </Button>
                    ) : (
                      <Typography.Text type="secondary">{t('assessment.grid.fromLedger')}</Typography.Text>
                    )}
                    <div style={{ fontSize: 11, color: '#8c8c8c', height: 16 }}>
                      {cell.status === 'na' ? t('assessment.grid.na') : formatPoints(cell.earned)}
                    </div>
                  </div>
                );
              }
              return (
                <ScoreCell
                  key={`${u.id}-${leaf.code}-${cell.value ?? ''}`}
                  cell={cell}
                  leaf={leaf}
                  row={row}
                  col={col}
                  editable={editable}
                  saving={statuses.get(cellKey(u.id, leaf.code))}
                  onSave={(value, expected) =>
                    value === 'na' || value === 'NA'
                      ? setNaPrompt({ unitId: u.id, leaf: leaf.code, expected, reason: '' })
                      : send(u.id, leaf.code, value, expected)
                  }
                />
              );
            },
          })),
          {
            title: t('assessment.grid.total'),
            key: 'total',
            fixed: 'right',
            width: 130,
            render: (_: unknown, u: GridUnit) => (
              <div>
                <Typography.Text strong>{u.final === null ? '—' : u.final.toFixed(2)}</Typography.Text>
                {u.rank !== null && (
                  <Typography.Text type="secondary">{` · ${t('assessment.grid.rank', { rank: u.rank })}`}</Typography.Text>
                )}
                <div>
                  {u.complete ? (
                    <Tag color="green">{t('assessment.results.complete')}</Tag>
                  ) : (
                    <Tooltip title={u.missing.join('、')}>
                      <Tag color="warning">{t('assessment.results.missing', { count: u.missing.length })}</Tag>
                    </Tooltip>
                  )}
                </div>
              </div>
            ),
          },
        ]}
      />
      {naPrompt && (
        <Modal
          open
          title={t('assessment.grid.naTitle', { leaf: naPrompt.leaf })}
          okButtonProps={{ disabled: naPrompt.reason.trim().length < 2 }}
          onOk={() => (send(naPrompt.unitId, naPrompt.leaf, 'na', naPrompt.expected, naPrompt.reason.trim()), setNaPrompt(null))}
          onCancel={() => (
            setNaPrompt(null),
            void queryClient.invalidateQueries({ queryKey: trpc.assessment.inputs.grid.queryKey({ roundId, group }) })
          )}
        >
          <Input
            placeholder={t('assessment.grid.naPlaceholder')}
            value={naPrompt.reason}
            onChange={(e) => setNaPrompt({ ...naPrompt, reason: e.target.value })}
            autoFocus
          />
        </Modal>
      )}
      {findingsOf && (
        <FindingsDrawer
          roundId={roundId}
          unit={findingsOf.unit}
          leaf={findingsOf.leaf}
          editable={editable}
          correctionReason={correctionReason}
          onClose={() => setFindingsOf(null)}
        />
      )}
    </>
  );
}
