import React, { useCallback, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { LoadingState, type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { Alert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { DEFAULT_THRESHOLDS, graphFromFrames, type FloorPlan, type FloorThresholds } from '../model';
import type { PanelOptions } from '../types';
import { DetailsDrawer } from './DetailsDrawer';
import { FloorView } from './FloorView';
import type { Overlay } from './overlay';
import { TopologyView } from './TopologyView';
import { useFloorPlan } from './use-floor-plan';
import { useTwinClient } from './use-twin-client';
import { WhatIfPanel } from './WhatIfPanel';

const SIDE_WIDTH = { whatIf: 340, details: 360 };

/** The TwinOps panel: topology or floor, the details of what is clicked, and what-if mode beside them. */
export function TopologyPanel({ data, options, width, height, timeRange }: PanelProps<PanelOptions>) {
  const styles = useStyles2(getStyles);
  const { client, error: clientError } = useTwinClient(data.request);
  const graph = useMemo(() => graphFromFrames(data.series), [data.series]);
  const [selected, setSelected] = useState<string | undefined>();
  const [overlay, setOverlay] = useState<Overlay | undefined>();
  const [floorPlan, setFloorPlan] = useState<FloorPlan | undefined>();
  const thresholds: FloorThresholds = useMemo(
    () => ({
      inletWarnCelsius: options.inletWarnCelsius ?? DEFAULT_THRESHOLDS.inletWarnCelsius,
      inletCritCelsius: options.inletCritCelsius ?? DEFAULT_THRESHOLDS.inletCritCelsius,
      powerWarnFraction: options.powerWarnFraction ?? DEFAULT_THRESHOLDS.powerWarnFraction,
      powerCritFraction: options.powerCritFraction ?? DEFAULT_THRESHOLDS.powerCritFraction,
    }),
    [options.inletWarnCelsius, options.inletCritCelsius, options.powerWarnFraction, options.powerCritFraction]
  );
  // In the topology view the what-if controls still need the floor's CRACs and racks; the floor view reports its own.
  const whatIfFloor = useFloorPlan(client, data.series, options.whatIf && options.view === 'topology');
  const plan = options.view === 'floor' ? floorPlan : whatIfFloor.plan;
  const onOverlay = useCallback((o: Overlay | undefined) => setOverlay(o), []);
  const range = useMemo(() => ({ from: timeRange.from.valueOf(), to: timeRange.to.valueOf() }), [timeRange]);

  const sides = (options.whatIf && client ? SIDE_WIDTH.whatIf : 0) + (selected ? SIDE_WIDTH.details : 0);
  const viewWidth = Math.max(200, width - sides);

  const main = (() => {
    if (data.state === LoadingState.Error) {
      const message = data.errors?.map((e) => e.message).join('; ') || 'The query failed.';
      return (
        <Alert severity="error" title="The TwinOps query failed">
          {message}
        </Alert>
      );
    }
    if (options.view === 'floor') {
      if (!client) {
        return clientError ? (
          <Alert severity="info" title="No TwinOps datasource">
            {clientError}
          </Alert>
        ) : (
          <LoadingPlaceholder text="Connecting to the twin…" />
        );
      }
      return (
        <FloorView
          client={client}
          refreshKey={data.series}
          metric={options.floorMetric}
          thresholds={thresholds}
          selected={selected}
          onSelect={setSelected}
          overlay={overlay}
          onPlan={setFloorPlan}
        />
      );
    }
    if (!graph) {
      if (data.state === LoadingState.Loading) {
        return <LoadingPlaceholder text="Loading the topology…" />;
      }
      return (
        <Alert severity="info" title="No topology to draw">
          Add a query with the TwinOps datasource (Topology).
        </Alert>
      );
    }
    if (graph.nodes.length === 0) {
      return (
        <Alert severity="info" title="The topology is empty">
          The twin has no entities for this query yet: send telemetry to the collector, or widen the query&apos;s focus
          and view.
        </Alert>
      );
    }
    return (
      <TopologyView
        graph={graph}
        width={viewWidth}
        height={height}
        showLabels={options.showLabels}
        selected={selected}
        onSelect={setSelected}
        overlay={overlay}
      />
    );
  })();

  return (
    <div className={styles.panel} style={{ width, height }}>
      <div className={styles.main}>{main}</div>
      {options.whatIf && client && (
        <WhatIfPanel client={client} graph={graph} plan={plan} selected={selected} onOverlay={onOverlay} />
      )}
      {selected &&
        (client ? (
          <DetailsDrawer client={client} entityId={selected} range={range} onClose={() => setSelected(undefined)} />
        ) : (
          <aside className={styles.note} aria-label={`Details of ${selected}`}>
            {clientError ?? 'Connecting to the twin…'}
          </aside>
        ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', overflow: 'hidden' }),
  main: css({ flex: 1, minWidth: 0, height: '100%', overflow: 'hidden' }),
  note: css({ width: SIDE_WIDTH.details, padding: theme.spacing(1), color: theme.colors.text.secondary }),
});
