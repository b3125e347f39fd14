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

/** Binds a chart's event handlers; returns the unbinding. */
function bindEvents(chart: ECharts, events: EChartEvents): () => void {
  const bound = Object.entries(events).map(([name, handler]) => [name, (params: unknown) => handler(params as ECElementEvent)] as const);
  for (const [name, listener] of bound) chart.on(name, listener);
  return () => {
    for (const [name, listener] of bound) chart.off(name, listener);
  };
}

export function EChart({ option, ariaLabel, height = 400, onEvents, onReady, style, testId }: EChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  const optionRef = useRef(option);
  optionRef.current = option;
  const eventsRef = useRef(onEvents);
  eventsRef.current = onEvents;
  /** The option the chart shows, and the events bound when it was created (handed over to the effect below). */
  const shownRef = useRef<EChartsCoreOption | null>(null);
  const firstBindingRef = useRef<{ events: EChartEvents; unbind: () => void } | null>(null);

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
      // Events first (so `rendered`/`finished` of the first draw are seen), then the option, in this
      // same task: the chart draws now, not after another React render and frame (issue #14).
      const events = eventsRef.current;
      if (events) firstBindingRef.current = { events, unbind: bindEvents(instance, events) };
      instance.setOption(optionRef.current, { notMerge: true });
      shownRef.current = optionRef.current;
      setChart(instance);
    });
    return () => {
      isCancelled = true;
      observer?.disconnect();
      firstBindingRef.current = null;
      instance?.dispose();
    };
  }, []);

  // Events are bound before an option is set, so `finished` of each render is seen.
  useEffect(() => {
    if (!chart) return;
    const first = firstBindingRef.current;
    firstBindingRef.current = null;
    if (first && first.events === onEvents) return first.unbind;
    first?.unbind();
    return onEvents ? bindEvents(chart, onEvents) : undefined;
  }, [chart, onEvents]);

  useEffect(() => {
    if (!chart || shownRef.current === option) return;
    chart.setOption(keepZoomWindow(chart, option), { notMerge: true });
    shownRef.current = option;
  }, [chart, option]);

  return <div ref={boxRef} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
