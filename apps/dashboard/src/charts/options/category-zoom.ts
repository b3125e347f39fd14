import type { DataZoomComponentOption } from 'echarts/components';

const SLIDER_LOOK = {
  showDetail: false,
  brushSelect: false,
  showDataShadow: false,
  borderColor: '#d9d9d9',
  fillerColor: 'rgba(31, 78, 121, 0.28)',
  handleStyle: { color: '#ffffff', borderColor: '#1f4e79' },
} as const;

/**
 * When a category axis holds more items than fit, show a window of `windowSize` of them with a
 * scroll bar and wheel scrolling. The window filters the data, so ECharts only lays out and
 * draws the visible bars or cells however many there are (3,000 units stay fast). `from: 'end'`
 * opens on the last items (the latest dates of a time line).
 */
export function buildCategoryZoom(
  count: number,
  windowSize: number,
  axis: 'x' | 'y',
  { from = 'start', axisIndex = 0 }: { from?: 'start' | 'end'; axisIndex?: number | number[] } = {},
): DataZoomComponentOption[] {
  if (count <= windowSize) return [];
  const target = axis === 'y' ? { yAxisIndex: axisIndex } : { xAxisIndex: axisIndex };
  const startValue = from === 'start' ? 0 : count - windowSize;
  const window = { startValue, endValue: startValue + windowSize - 1, filterMode: 'filter' as const };
  const slider: DataZoomComponentOption =
    axis === 'y'
      ? { type: 'slider', ...target, ...window, ...SLIDER_LOOK, right: 6, width: 16 }
      : { type: 'slider', ...target, ...window, ...SLIDER_LOOK, bottom: 4, height: 16 };
  return [slider, { type: 'inside', ...target, ...window, zoomOnMouseWheel: false, moveOnMouseWheel: true, moveOnMouseMove: false }];
}
