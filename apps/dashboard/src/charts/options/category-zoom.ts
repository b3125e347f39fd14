import type { DataZoomComponentOption } from 'echarts/components';

/**
 * When a category axis holds more items than fit, show a window of `windowSize` of them with a
 * scroll bar and wheel scrolling. The window filters the data, so ECharts only lays out and
 * draws the visible bars or cells however many there are (3,000 units stay fast). `from: 'end'`
 * opens on the last items (the latest dates of a time line).
 */
export function buildCategoryZoom(count: number, windowSize: number, axis: 'x' | 'y', from: 'start' | 'end' = 'start'): DataZoomComponentOption[] {
  if (count <= windowSize) return [];
  const target = axis === 'y' ? { yAxisIndex: 0 } : { xAxisIndex: 0 };
  const startValue = from === 'start' ? 0 : count - windowSize;
  const window = { startValue, endValue: startValue + windowSize - 1, filterMode: 'filter' as const };
  const slider: DataZoomComponentOption =
    axis === 'y'
      ? { type: 'slider', ...target, ...window, right: 6, width: 14, showDetail: false, brushSelect: false, showDataShadow: false }
      : { type: 'slider', ...target, ...window, bottom: 4, height: 14, showDetail: false, brushSelect: false, showDataShadow: false };
  return [slider, { type: 'inside', ...target, ...window, zoomOnMouseWheel: false, moveOnMouseWheel: true, moveOnMouseMove: false }];
}
