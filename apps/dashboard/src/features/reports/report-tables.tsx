// The tables of 二、三、四 laid out like the official form (the domain's grid: merged headers, the
// 勾稽 note, the exact row and column labels), each value cell an input or a number. A failed rule is
// written in a column beside the last row it involves, its cells marked; blank totals show the total
// of what was entered as a grey hint; automatic totals (following their parts) are shown in blue.
// The header rows and the row-label columns stay in view while a long table scrolls.
import { InputNumber, Tooltip, Typography } from 'antd';
import { memo, useLayoutEffect, useMemo, useRef, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCheck, ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import type { CellSource } from '@kaoping/contracts/annual-report/parse-result';
import { describeCell } from '@kaoping/domain/annual-report/template';
import { layoutReportTables, type GridCell, type GridTable } from '@kaoping/domain/annual-report-workflow/report-table-layout';
import { RuleTag, useCheckMessage } from './rule-tag';

export type CellMark = 'error' | 'warning' | 'blank' | null;

export interface ReportTablesProps {
  format: ReportFormat;
  cells: Readonly<Record<string, number | null>>;
  checks: readonly ReportCheck[];
  /** Totals implied by the entered cells (deriveTotals), offered in blank total cells. */
  derived?: Readonly<Record<string, number>>;
  sources?: Readonly<Record<string, CellSource>>;
  /** Absent: read-only. */
  onChange?: (key: string, value: number | null) => void;
  /** Printed subtotal rows kept from an imported source (e.g. a 2019 (六) row), shown under 三. */
  extraRows?: readonly { key: string; label: string }[];
  /** Totals that follow their parts (not typed by the person). */
  automatic?: ReadonlySet<string>;
  testId?: string;
}

const border = '1px solid #bfbfbf';
const th: CSSProperties = {
  borderRight: border,
  borderBottom: border,
  padding: '4px 6px',
  background: '#fafafa',
  fontWeight: 600,
  textAlign: 'center',
  fontSize: 13,
};
const td: CSSProperties = { borderRight: border, borderBottom: border, padding: '2px 4px', fontSize: 13 };
const markColor: Record<Exclude<CellMark, null>, string> = { error: '#fff1f0', warning: '#fff7e6', blank: '#fffbe6' };

/** The problems a check shows beside its cells: equations that do not hold and bad values (not blanks). */
const isShownBeside = (c: ReportCheck) =>
  (c.severity === 'error' && (c.delta !== null || (c.rule === 'H7' && c.lhs !== null))) ||
  (c.severity === 'warning' && c.cells.length > 0 && c.lhs !== null);
const isBlankCheck = (c: ReportCheck) => c.severity === 'error' && c.lhs === null;

export function markCells(checks: readonly ReportCheck[], cells: Readonly<Record<string, number | null>>): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  for (const c of checks) {
    if (isBlankCheck(c)) {
      for (const k of c.cells) if (cells[k] === null || cells[k] === undefined) marks.set(k, marks.get(k) ?? 'blank');
      continue;
    }
    if (!isShownBeside(c)) continue;
    for (const k of c.cells) if (marks.get(k) !== 'error') marks.set(k, c.severity === 'error' ? 'error' : 'warning');
  }
  return marks;
}

interface ValueCellProps {
  cellKey: string;
  value: number | null;
  hint: number | undefined;
  mark: CellMark;
  source: CellSource | undefined;
  messages: string;
  automatic: boolean;
  editable: boolean;
  onChange?: (key: string, value: number | null) => void;
}

const ValueCell = memo(function ValueCell({ cellKey, value, hint, mark, source, messages, automatic, editable, onChange }: ValueCellProps) {
  const { t } = useTranslation();
  const tip = [
    messages,
    automatic ? t('reports.form.autoTotal') : '',
    source ? `${t('reports.form.source', { line: source.line })} ${source.text}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const content = editable ? (
    <InputNumber
      size="small"
      controls={false}
      value={value}
      placeholder={hint === undefined ? '' : String(hint)}
      status={mark === 'error' ? 'error' : mark === 'warning' ? 'warning' : undefined}
      onChange={(v) => onChange?.(cellKey, typeof v === 'number' ? v : null)}
      style={{ width: '100%', minWidth: 56, ...(automatic ? { color: '#1677ff', fontStyle: 'italic' } : {}) }}
      data-cell={cellKey}
      data-auto={automatic ? '1' : undefined}
      aria-label={describeCell(cellKey)}
    />
  ) : (
    <span data-cell={cellKey} style={{ color: mark === 'error' ? '#cf1322' : undefined }}>
      {value === null ? '' : String(value)}
    </span>
  );
  return tip ? (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{tip}</span>}>
      <div>{content}</div>
    </Tooltip>
  ) : (
    content
  );
});

/** Pins each row-label cell at the left offset it has when the table is not scrolled. */
function usePinnedLabels(table: RefObject<HTMLTableElement | null>) {
  useLayoutEffect(() => {
    const el = table.current;
    if (!el) return;
    const pin = () => {
      for (const td of el.querySelectorAll<HTMLElement>('[data-pin-left]')) td.style.left = '';
      for (const td of el.querySelectorAll<HTMLElement>('[data-pin-left]')) td.style.left = `${td.offsetLeft}px`;
    };
    pin();
    const observer = new ResizeObserver(pin);
    observer.observe(el);
    return () => observer.disconnect();
  }, [table]);
}

function GridView({
  grid,
  props,
  marks,
  messagesByKey,
}: {
  grid: GridTable;
  props: ReportTablesProps;
  marks: Map<string, CellMark>;
  messagesByKey: Map<string, string[]>;
}) {
  const { t } = useTranslation();
  const checkMessage = useCheckMessage();
  const tableRef = useRef<HTMLTableElement>(null);
  usePinnedLabels(tableRef);
  const firstValueCol = Math.min(...grid.cells.filter((c) => c.kind === 'value').map((c) => c.col));
  // Each check beside the last grid row it involves.
  const rowOfKey = new Map(grid.cells.filter((c) => c.key !== undefined).map((c) => [c.key ?? '', c.row]));
  const besideRow = new Map<number, ReportCheck[]>();
  for (const c of props.checks) {
    if (!isShownBeside(c)) continue;
    const rows = c.cells.map((k) => rowOfKey.get(k)).filter((r): r is number => r !== undefined);
    if (rows.length === 0) continue;
    const r = Math.max(...rows);
    besideRow.set(r, [...(besideRow.get(r) ?? []), c]);
  }
  const hasValues = (r: number) => grid.cells.some((c) => c.row === r && c.kind === 'value');
  const headRows: ReactNode[] = [];
  const rows: ReactNode[] = [];
  let inHead = true;
  for (let r = 0; r < grid.rows; r++) {
    if (hasValues(r)) inHead = false;
    const cellsOfRow = grid.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    const tds = cellsOfRow.map((c: GridCell) => {
      if (c.kind !== 'value' || c.key === undefined) {
        const pinned = c.col < firstValueCol && c.col + c.colSpan <= firstValueCol;
        const base =
          c.kind === 'header' ? th : { ...td, textAlign: c.colSpan >= 2 ? ('left' as const) : ('center' as const), background: '#fcfcfc' };
        const style: CSSProperties = pinned ? { ...base, position: 'sticky', zIndex: inHead ? 3 : 1 } : base;
        return (
          // The national form's own wording (a statutory Chinese template): shown as printed, in any language.
          <td
            key={`${c.row}-${c.col}`}
            rowSpan={c.rowSpan}
            colSpan={c.colSpan}
            style={style}
            data-pin-left={pinned ? '' : undefined}
            lang="zh-CN"
          >
            {c.text}
          </td>
        );
      }
      const key = c.key;
      const mark = marks.get(key) ?? null;
      return (
        <td
          key={key}
          rowSpan={c.rowSpan}
          colSpan={c.colSpan}
          style={{ ...td, background: mark ? markColor[mark] : undefined, textAlign: 'right', minWidth: 60 }}
        >
          <ValueCell
            cellKey={key}
            value={props.cells[key] ?? null}
            hint={props.derived?.[key]}
            mark={mark}
            source={props.sources?.[key]}
            messages={(messagesByKey.get(key) ?? []).join('\n')}
            automatic={props.automatic?.has(key) ?? false}
            editable={props.onChange !== undefined}
            {...(props.onChange ? { onChange: props.onChange } : {})}
          />
        </td>
      );
    });
    // The 校验 column: a header over each run of header rows, the row's problems beside each data row.
    if (hasValues(r)) {
      const beside = besideRow.get(r) ?? [];
      tds.push(
        <td
          key="checks"
          style={{ ...td, minWidth: 240, maxWidth: 360, fontSize: 12 }}
          data-testid={beside.length > 0 ? 'row-check' : undefined}
        >
          {beside.map((c, i) => (
            <div key={i} style={{ color: c.severity === 'error' ? '#cf1322' : '#d46b08' }}>
              <RuleTag rule={c.rule} color={c.severity === 'error' ? 'red' : 'orange'} /> {checkMessage(c)}
            </div>
          ))}
        </td>,
      );
    } else if (r === 0 || hasValues(r - 1)) {
      let run = 1;
      while (r + run < grid.rows && !hasValues(r + run)) run++;
      tds.push(
        <td key="checks" rowSpan={run} style={{ ...th, minWidth: 240 }}>
          {t('reports.checks.title')}
        </td>,
      );
    }
    (inHead ? headRows : rows).push(<tr key={r}>{tds}</tr>);
  }
  // The wrapper scrolls both ways so the head (sticky top) and the labels (sticky left) stay in view.
  return (
    <div style={{ overflow: 'auto', maxHeight: '75vh', marginBottom: 16 }} data-testid={`report-table-scroll-${grid.section}`}>
      <table
        ref={tableRef}
        style={{ borderCollapse: 'separate', borderSpacing: 0, borderTop: border, borderLeft: border, width: '100%', tableLayout: 'auto' }}
        data-testid={`report-table-${grid.section}`}
      >
        <thead style={{ position: 'sticky', top: 0, zIndex: 2 }}>{headRows}</thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}

export function ReportTables(props: ReportTablesProps) {
  const { t } = useTranslation();
  const grids = useMemo(() => layoutReportTables(props.format, {}), [props.format]);
  const marks = useMemo(() => markCells(props.checks, props.cells), [props.checks, props.cells]);
  const checkMessage = useCheckMessage();
  const messagesByKey = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const c of props.checks)
      if (isShownBeside(c)) for (const k of c.cells) m.set(k, [...(m.get(k) ?? []), `${c.rule} ${checkMessage(c)}`]);
    return m;
  }, [props.checks, checkMessage]);
  return (
    <div data-testid={props.testId}>
      {grids.map((g) => (
        <div key={g.section}>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t(`reports.form.sectionTables.${g.section}`, { defaultValue: g.title })}
          </Typography.Title>
          <GridView grid={g} props={props} marks={marks} messagesByKey={messagesByKey} />
          {g.section === '三' && props.extraRows && props.extraRows.length > 0 && <ExtraRows {...props} />}
        </div>
      ))}
    </div>
  );
}

/** Printed subtotal rows kept from a source (not part of the format): shown with their values, editable. */
function ExtraRows(props: ReportTablesProps) {
  const columns = ['natural', 'commercial', 'research', 'social', 'legal_service', 'other_org', 'total'];
  return (
    <table style={{ borderCollapse: 'separate', borderSpacing: 0, borderTop: border, borderLeft: border, width: '100%', marginBottom: 16 }}>
      <tbody>
        {(props.extraRows ?? []).map((r) => (
          <tr key={r.key}>
            <td style={{ ...td, width: '44%', background: '#fcfcfc' }} lang="zh-CN">
              {r.label}
            </td>
            {columns.map((c) => {
              const key = `${r.key}.${c}`;
              return (
                <td key={c} style={{ ...td, textAlign: 'right' }}>
                  {props.onChange ? (
                    <InputNumber
                      size="small"
                      controls={false}
                      value={props.cells[key] ?? null}
                      onChange={(v) => props.onChange?.(key, typeof v === 'number' ? v : null)}
                      style={{ width: '100%' }}
                      data-cell={key}
                    />
                  ) : (
                    (props.cells[key] ?? '')
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
