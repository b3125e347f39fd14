// Option blocks every builder shares, so the charts look alike and a change of look is one edit:
// the tooltip box, legend text, and the look of category and value axes.
import { INK } from '../chart-palette';

/**
 * The tooltip box: kept inside the chart and styled by the `kp-chart-tooltip` class. Formatters
 * build their HTML with tooltipHtml (tooltip-html.ts), which escapes every user string.
 */
export const TOOLTIP_BOX = { confine: true, className: 'kp-chart-tooltip' } as const;

export const LEGEND_TEXT = { textStyle: { color: INK.text } } as const;

/** Category axis: dark labels, a light axis line. */
export const CATEGORY_AXIS_LOOK = { axisLabel: { color: INK.text }, axisLine: { lineStyle: { color: INK.axis } } } as const;

/** Value axis: muted labels, faint split lines. */
export const VALUE_AXIS_LOOK = { axisLabel: { color: INK.muted }, splitLine: { lineStyle: { color: INK.split } } } as const;
