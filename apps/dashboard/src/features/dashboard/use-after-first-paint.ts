import { startTransition, useEffect, useState } from 'react';

/**
 * False until the browser has painted once after `ready` became true, then true (as a transition).
 * What a page shows first (a chart, the figures) reaches the screen before the parts rendered under
 * this flag (a 3,000-row table, lists below the fold), which follow in a later task (issue #14).
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!ready || shown) return;
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setShown(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, shown]);
  return shown;
}
