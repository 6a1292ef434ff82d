import { useCallback, useEffect, useState } from 'react';
import type { TimeRange } from '@grafana/data';
import { lastMinutes } from './use-panel-data';

/**
 * A relative time range (the last `minutes`) that moves to "now" every `intervalMs` (0: never)
 * and on `refresh()`; each move is a new object, which re-runs the panel's query.
 */
export function useRefreshingRange(minutes: number, intervalMs: number): [TimeRange, () => void] {
  const [range, setRange] = useState(() => lastMinutes(minutes));
  const refresh = useCallback(() => setRange(lastMinutes(minutes)), [minutes]);
  useEffect(() => {
    if (intervalMs <= 0) {
      return undefined;
    }
    const timer = window.setInterval(refresh, intervalMs);
    return () => window.clearInterval(timer);
    // A manual refresh restarts nothing: the next tick comes on the interval's own schedule.
  }, [refresh, intervalMs]);
  return [range, refresh];
}
