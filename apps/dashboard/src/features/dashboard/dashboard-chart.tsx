// The dashboard's use of the one chart host: marks on its box when the current option was built
// and when ECharts first finished drawing it (data-built-at / data-finished-at, in ms since the
// page started), which the end-to-end tests and `pnpm bench` wait for and read.
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
  // Read by the `finished` handler, which ECharts calls after the host has set this option.
  const current = useRef(option);
  current.current = option;
  const events = useMemo<EChartEvents>(
    () => ({
      ...onEvents,
      finished: () => {
        const shown = current.current;
        setFinished((f) => (f?.option === shown ? f : { option: shown, at: performance.now() }));
      },
    }),
    [onEvents],
  );
  const isFinished = finished?.option === option;
  return (
    <div data-testid={`${id}-box`} data-built-at={builtAt.at.toFixed(1)} data-finished-at={isFinished ? finished.at.toFixed(1) : undefined} data-finished={isFinished ? 'true' : 'false'}>
      <EChart option={option} ariaLabel={ariaLabel} height={height} onEvents={events} testId={id} />
    </div>
  );
}
