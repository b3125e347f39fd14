// Tooltip HTML built from parts, escaping every text by construction: builders never
// concatenate user strings into HTML themselves, they pass them here.
import { escapeHtml } from './escape-html';

export interface TooltipRow {
  label: string;
  value: string;
  /** A marker colour from charts/chart-palette.ts. */
  color?: string;
  /** Emphasise the whole row (e.g. a grade that changed). */
  isStrong?: boolean;
}

const SAFE_COLOR = /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,]+\))$/i;

function marker(color: string | undefined): string {
  if (!color || !SAFE_COLOR.test(color)) return '';
  return `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${color}"></span>`;
}

export function tooltipHtml(title: string, rows: readonly TooltipRow[], notes: readonly string[] = []): string {
  const head = `<div style="font-weight:600;margin-bottom:4px;max-width:320px;white-space:normal">${escapeHtml(title)}</div>`;
  const body = rows
    .map(
      (row) =>
        `<div style="display:flex;justify-content:space-between;gap:16px${row.isStrong ? ';font-weight:600;color:#c0392b' : ''}">` +
        `<span>${marker(row.color)}${escapeHtml(row.label)}</span><span style="font-weight:600">${escapeHtml(row.value)}</span></div>`,
    )
    .join('');
  const tail = notes
    .map((note) => `<div style="margin-top:4px;color:#8c8c8c;max-width:320px;white-space:normal">${escapeHtml(note)}</div>`)
    .join('');
  return head + body + tail;
}
