import { useEffect, useMemo, useState } from 'react';
import { lastValueFrom } from 'rxjs';
import {
  LoadingState,
  dateTime,
  type DataQueryRequest,
  type PanelData,
  type TimeRange,
} from '@grafana/data';
import type { DataSource } from '@twinops/datasource/src/datasource';
import type { TopologyView, TwinQuery } from '@twinops/datasource/src/types';
import { TWIN_DS_REF } from './twin-services';

/** The explorer's time range: the last `minutes`, ending now. */
export function lastMinutes(minutes: number, now = Date.now()): TimeRange {
  const to = dateTime(now);
  return { from: dateTime(now - minutes * 60_000), to, raw: { from: `now-${minutes}m`, to: 'now' } };
}

/** The panel's one query, as a dashboard would store it. */
export function topologyTarget(view: TopologyView): TwinQuery {
  return { refId: 'A', queryType: 'topology', view, datasource: TWIN_DS_REF };
}

let requestCount = 0;

/** The request Grafana would build for the panel; the panel reads its datasource from `targets[0]`. */
export function topologyRequest(view: TopologyView, range: TimeRange): DataQueryRequest<TwinQuery> {
  // The topology has no time buckets; a thousand steps across the range is what a wide panel would ask.
  const intervalMs = Math.max(1000, Math.round((range.to.valueOf() - range.from.valueOf()) / 1000));
  return {
    requestId: `explorer-${++requestCount}`,
    app: 'dashboard',
    interval: `${Math.round(intervalMs / 1000)}s`,
    intervalMs,
    range,
    scopedVars: {},
    targets: [topologyTarget(view)],
    timezone: 'browser',
    startTime: Date.now(),
  };
}

/**
 * Runs the Topology query whenever the view or the time range (a refresh) changes, keeping the last answer on
 * screen while the next one loads (as a dashboard panel does).
 */
export function usePanelData(datasource: DataSource, view: TopologyView, range: TimeRange): PanelData {
  const request = useMemo(() => topologyRequest(view, range), [view, range]);
  const [data, setData] = useState<PanelData>({ state: LoadingState.Loading, series: [], timeRange: range, request });
  useEffect(() => {
    let current = true;
    setData((previous) => ({ ...previous, state: LoadingState.Loading }));
    lastValueFrom(datasource.query(request)).then(
      (response) => {
        if (!current) {
          return;
        }
        const failed = response.state === LoadingState.Error || (response.errors?.length ?? 0) > 0;
        setData({
          state: failed ? LoadingState.Error : LoadingState.Done,
          series: response.data,
          errors: response.errors,
          timeRange: request.range,
          request,
        });
      },
      (error: unknown) => {
        if (current) {
          const message = error instanceof Error ? error.message : String(error);
          setData({ state: LoadingState.Error, series: [], errors: [{ message }], timeRange: request.range, request });
        }
      }
    );
    return () => {
      current = false;
    };
  }, [datasource, request]);
  return data;
}
