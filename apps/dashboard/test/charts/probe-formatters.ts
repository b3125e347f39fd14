// Test support for the option builders (no DOM, no ECharts): find every formatter function in
// an option, call it the way ECharts would for every data item or category, and report outputs
// that could let a user-supplied string become markup.
//
// Two sinks exist with the canvas renderer:
// - html: tooltip formatters. ECharts sets their string with innerHTML, so user text must be
//   escaped (charts/escape-html.ts).
// - canvas: axis, series, markLine and visualMap labels. They are drawn as text, so an HTML
//   payload is harmless there and is shown literally, unless the label uses rich text, where
//   `{style|…}` in a name would be parsed: user text must never reach a rich label.
import { escapeHtml } from '../../src/charts/escape-html';

export interface FormatterProbe {
  path: string;
  sink: 'html' | 'canvas';
  /** The object holding the formatter declares `rich` styles. */
  isRich: boolean;
  outputs: string[];
}

type Fn = (...args: unknown[]) => unknown;
type Dict = Record<string, unknown>;

const FORMATTER_KEYS = new Set(['formatter', 'valueFormatter', 'labelFormatter']);
const AXIS_KEYS = new Set(['xAxis', 'yAxis', 'radiusAxis', 'angleAxis', 'singleAxis']);
const MARK_KEYS = new Set(['markLine', 'markPoint', 'markArea']);

interface Context {
  seriesIndex: number | null;
  /** The axis whose labels are being formatted (category data come from it). */
  axis: Dict | null;
  /** The markLine/markPoint/markArea whose labels are being formatted. */
  mark: Dict | null;
  markType: string;
}

const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function paramsFor(series: Dict, seriesIndex: number): Dict[] {
  const data = Array.isArray(series['data']) ? series['data'] : [];
  return data.map((item, dataIndex) => ({
    componentType: 'series',
    seriesType: series['type'],
    seriesIndex,
    seriesName: series['name'],
    dataIndex,
    data: item,
    value: isDict(item) ? item['value'] : item,
    name: isDict(item) && typeof item['name'] === 'string' ? item['name'] : '',
  }));
}

export function probeFormatters(option: unknown): FormatterProbe[] {
  const root = isDict(option) ? option : {};
  const allSeries = asArray(root['series']).filter(isDict);
  const probes: FormatterProbe[] = [];

  const call = (fn: Fn, path: string, context: Context): string[] => {
    const out: unknown[] = [];
    if (context.mark) {
      asArray(context.mark['data']).forEach((item, dataIndex) => {
        const value = isDict(item) ? (item['xAxis'] ?? item['yAxis'] ?? item['value']) : item;
        out.push(
          fn({
            componentType: context.markType,
            seriesIndex: context.seriesIndex,
            dataIndex,
            value,
            name: isDict(item) ? (item['name'] ?? '') : '',
          }),
        );
      });
      return out.map(String);
    }
    const seriesParams = (context.seriesIndex !== null ? [context.seriesIndex] : allSeries.map((_, i) => i)).flatMap((i) => {
      const s = allSeries[i];
      return s ? paramsFor(s, i) : [];
    });
    if (path.includes('tooltip')) {
      if (path.endsWith('valueFormatter')) for (const p of seriesParams) out.push(fn(p['value'], p['dataIndex']));
      else for (const p of seriesParams) out.push(fn([p]), fn(p));
    } else if (context.axis && /axisLabel|axisName|axisPointer/.test(path)) {
      const data = asArray(context.axis['data']);
      if (data.length) data.forEach((item, i) => out.push(fn(isDict(item) ? item['value'] : item, i)));
      else [0, 1, 50, 100].forEach((v, i) => out.push(fn(v, i)));
    } else if (path.startsWith('visualMap')) {
      out.push(fn(0), fn(50), fn(100), fn(0, 100));
    } else {
      for (const p of seriesParams) out.push(fn(p));
    }
    return out.map((o) => (typeof o === 'string' ? o : String(o)));
  };

  const visit = (node: unknown, path: string, context: Context) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        const isSeriesItem = path === 'series';
        visit(child, `${path}[${i}]`, isSeriesItem ? { ...context, seriesIndex: i } : context);
      });
      return;
    }
    if (!isDict(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const childPath = path ? `${path}.${key}` : key;
      if (FORMATTER_KEYS.has(key) && (typeof value === 'function' || typeof value === 'string')) {
        const sink = childPath.includes('tooltip') ? 'html' : 'canvas';
        const outputs = typeof value === 'function' ? call(value as Fn, childPath, context) : [value];
        probes.push({ path: childPath, sink, isRich: isDict(node['rich']), outputs });
        continue;
      }
      if (key === 'data' && path.startsWith('series')) continue; // data items are inputs, not config
      if (MARK_KEYS.has(key) && isDict(value)) {
        visit(value, childPath, { ...context, mark: value, markType: key });
        continue;
      }
      if (AXIS_KEYS.has(key)) {
        asArray(value).forEach((axis, i) =>
          visit(axis, Array.isArray(value) ? `${childPath}[${i}]` : childPath, { ...context, axis: isDict(axis) ? axis : null }),
        );
        continue;
      }
      visit(value, childPath, context);
    }
  };
  visit(root, '', { seriesIndex: null, axis: null, mark: null, markType: '' });
  return probes;
}

/**
 * Problems that would let `payload` (a user string holding markup) act as HTML or rich text.
 * Empty when the option is safe. Also requires the top-level tooltip to use a formatter
 * function, and at least one tooltip output to show the payload escaped (so it is tested, not dropped).
 */
export function findUnsafeOutputs(option: unknown, payload: string): string[] {
  const problems: string[] = [];
  const probes = probeFormatters(option);
  const escaped = escapeHtml(payload);
  const root = isDict(option) ? option : {};
  const tooltip = root['tooltip'];
  if (!isDict(tooltip) || typeof tooltip['formatter'] !== 'function') problems.push('tooltip: no formatter function');
  let shown = 0;
  for (const probe of probes) {
    if (probe.sink === 'html' && !probe.path.endsWith('valueFormatter') && probe.outputs.length === 0)
      problems.push(`${probe.path}: never called`);
    for (const output of probe.outputs) {
      if (probe.sink === 'html') {
        if (/<(?!\/?(div|span|br|b)\b)/i.test(output)) problems.push(`${probe.path}: unexpected tag in ${output}`);
        if (output.includes(payload)) problems.push(`${probe.path}: raw payload in ${output}`);
        if (/\{[abcde@]/.test(output)) problems.push(`${probe.path}: template in html`);
        if (output.includes(escaped)) shown++;
      } else if (probe.isRich && output.includes(payload)) {
        problems.push(`${probe.path}: user text in a rich-text label`);
      }
    }
  }
  if (shown === 0) problems.push('no tooltip output shows the payload escaped');
  return problems;
}

/** Every canvas output, for tests that check names are drawn literally. */
export function canvasOutputs(option: unknown): string[] {
  return probeFormatters(option)
    .filter((p) => p.sink === 'canvas')
    .flatMap((p) => p.outputs);
}
