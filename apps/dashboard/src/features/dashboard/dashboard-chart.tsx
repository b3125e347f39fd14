// The dashboard's use of the one chart host: marks on its box when the current option was built,
// when ECharts first drew it and when it finished (animations included): data-built-at,
// data-rendered-at, data-finished-at, in ms since the page started. The end-to-end tests and
// `pnpm bench` wait for and read them.
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useRef, useState } from 'react';
import { EChart, type EChartEvents } from '../../charts/echart';

export interface DashboardChartProps {
  id: string;
  option: EChartsCoreOption;
  ariaLabel: string;
  height: number;
  onEvents?: EChartEvents;
}

export function DashboardChart({ id, option, ariaLabel, height, onEvents }: DashboardChartProps) {
  const builtAt = useMemo(() => ({ option, at: performance.now() }), [option]);
  const [finished, setFinished] = useState<{ option: EChartsCoreOption; at: number } | null>(null);
  const [rendered, setRendered] = useState<{ option: EChartsCoreOption; at: number } | null>(null);
  // Read by the `finished` handler, which ECharts calls after the host has set this option.
  const current = useRef(option);
  current.current = option;
  const events = useMemo<EChartEvents>(
    () => ({
      ...onEvents,
      rendered: () => {
        const shown = current.current;
        setRendered((r) => (r?.option === shown ? r : { option: shown, at: performance.now() }));
      },
      finished: () => {
        const shown = current.current;
        setFinished((f) => (f?.option === shown ? f : { option: shown, at: performance.now() }));
      },
    }),
    [onEvents],
  );
  const isFinished = finished?.option === option;
  const isRendered = rendered?.option === option;
  return (
    <div
      data-testid={`${id}-box`}
      data-built-at={builtAt.at.toFixed(1)}
      data-rendered-at={isRendered ? rendered.at.toFixed(1) : undefined}
      data-finished-at={isFinished ? finished.at.toFixed(1) : undefined}
      data-finished={isFinished ? 'true' : 'false'}
    >
      <EChart option={option} ariaLabel={ariaLabel} height={height} onEvents={events} testId={id} />
    </div>
  );
}
