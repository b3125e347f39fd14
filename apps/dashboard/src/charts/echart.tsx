// The one ECharts host (architecture habit 12): init once, setOption on change, resize with its
// box, dispose on unmount, bind `onEvents`. Options come from the pure builders in options/.
// ECharts itself is loaded on first use (echarts-setup.ts), keeping it out of the initial bundle.
import type { ECElementEvent, ECharts, EChartsCoreOption } from 'echarts/core';
import { type CSSProperties, useEffect, useRef, useState } from 'react';

export type EChartEventName =
  'click' | 'dblclick' | 'mouseover' | 'mouseout' | 'datazoom' | 'legendselectchanged' | 'finished' | 'rendered';
export type EChartEvents = Partial<Record<EChartEventName, (params: ECElementEvent) => void>>;

export interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the canvas itself is opaque to them). */
  ariaLabel: string;
  height?: number | string;
  onEvents?: EChartEvents;
  /** Receives the instance once it exists (tests, exports). */
  onReady?: (chart: ECharts) => void;
  style?: CSSProperties;
  testId?: string;
}

export const loadECharts = () => import('./echarts-setup');

/** A replaced option keeps the window the user scrolled to (a live what-if update must not jump back to the top). */
function keepZoomWindow(chart: ECharts, option: EChartsCoreOption): EChartsCoreOption {
  const next = option['dataZoom'];
  const current = (chart.getOption()?.['dataZoom'] ?? []) as { startValue?: number; endValue?: number }[];
  if (!Array.isArray(next) || next.length === 0 || current.length !== next.length) return option;
  return {
    ...option,
    dataZoom: next.map((zoom: object, i) => ({ ...zoom, startValue: current[i]?.startValue, endValue: current[i]?.endValue })),
  };
}

export function EChart({ option, ariaLabel, height = 400, onEvents, onReady, style, testId }: EChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const readyRef = useRef(onReady);
  readyRef.current = onReady;

  useEffect(() => {
    let instance: ECharts | null = null;
    let observer: ResizeObserver | null = null;
    let isCancelled = false;
    void loadECharts().then(({ init, KAOPING_THEME }) => {
      const box = boxRef.current;
      if (isCancelled || !box) return;
      // At least 2× so charts stay sharp when printed.
      instance = init(box, KAOPING_THEME, { renderer: 'canvas', devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2) });
      observer = new ResizeObserver(() => instance?.resize());
      observer.observe(box);
      readyRef.current?.(instance);
      setChart(instance);
    });
    return () => {
      isCancelled = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  // Events are bound before the option is set, so `finished` of the first render is seen.
  useEffect(() => {
    if (!chart || !onEvents) return;
    const bound = Object.entries(onEvents).map(
      ([name, handler]) => [name, (params: unknown) => handler(params as ECElementEvent)] as const,
    );
    for (const [name, listener] of bound) chart.on(name, listener);
    return () => {
      for (const [name, listener] of bound) chart.off(name, listener);
    };
  }, [chart, onEvents]);

  useEffect(() => {
    chart?.setOption(keepZoomWindow(chart, option), { notMerge: true });
  }, [chart, option]);

  return <div ref={boxRef} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
