// Text formatting shared by the option builders (numbers: lib/format-number.ts). Pure; no ECharts.

/** `{{name}}` placeholders, the same syntax as the i18n resources. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export function formatSigned(delta: number, digits = 2): string {
  const text = Math.abs(delta).toFixed(digits);
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : text;
}

/** rankDelta is previous rank − this rank: positive moved up. ▲2, ▼1, – (same), '' (not ranked before). */
export function formatRankDelta(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '';
  if (delta > 0) return `▲${delta}`;
  if (delta < 0) return `▼${-delta}`;
  return '–';
}

export function movementOf(delta: number | null | undefined): 'up' | 'down' | 'same' | 'none' {
  if (delta === null || delta === undefined) return 'none';
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
}

/** Reads the data index from what ECharts passes a formatter: one params object or, for axis tooltips, an array. */
export function dataIndexOf(params: unknown): number | null {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (typeof first !== 'object' || first === null) return null;
  const index = (first as { dataIndex?: unknown }).dataIndex;
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : null;
}
