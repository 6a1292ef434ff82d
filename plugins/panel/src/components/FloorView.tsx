import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, LoadingPlaceholder, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import type { TwinClient } from '@twinops/datasource/src/api';
import type { FloorMetric, FloorPlan, FloorRack, FloorThresholds } from '../model';
import { METRIC_LABELS } from './floor-format';
import { overlaidRack, type Overlay } from './overlay';
import { RackCell } from './RackCell';
import { ServerList } from './ServerList';
import { useFloorPlan } from './use-floor-plan';

export interface FloorViewProps {
  client: TwinClient;
  /** Changes when the panel's data refreshes: the floor is fetched again. */
  refreshKey: unknown;
  /** The metric the panel options start with; the view's selector changes it for the session. */
  metric: FloorMetric;
  thresholds: FloorThresholds;
  selected?: string;
  onSelect: (id: string) => void;
  overlay?: Overlay;
  /** Told each new plan (the what-if controls list its CRACs and racks). */
  onPlan?: (plan: FloorPlan) => void;
}

const METRICS: FloorMetric[] = ['inlet', 'power', 'headroom'];

/** The data center floor: sites → rooms → rows of racks coloured by level, CRACs and their zones, drill-down to servers. */
export function FloorView(props: FloorViewProps) {
  const { client, refreshKey, thresholds, selected, onSelect, overlay, onPlan } = props;
  const styles = useStyles2(getStyles);
  const { plan, loading, error } = useFloorPlan(client, refreshKey);
  // The selector's choice holds until the panel option changes (then the option wins).
  const [chosen, setChosen] = useState<{ option: FloorMetric; metric: FloorMetric }>({
    option: props.metric,
    metric: props.metric,
  });
  const metric = chosen.option === props.metric ? chosen.metric : props.metric;
  const setMetric = (m: FloorMetric) => setChosen({ option: props.metric, metric: m });
  const [room, setRoom] = useState<string | undefined>();
  const [rackId, setRackId] = useState<string | undefined>();
  const [crac, setCrac] = useState<string | undefined>();
  useEffect(() => {
    if (plan && onPlan) {
      onPlan(plan);
    }
  }, [plan, onPlan]);

  if (!plan) {
    return error ? (
      <Alert severity="error" title="The floor could not be loaded">
        {error}
      </Alert>
    ) : (
      <LoadingPlaceholder text={loading ? 'Loading the floor…' : 'No floor yet.'} />
    );
  }
  const rooms = plan.sites.flatMap((site) => site.rooms.map((r) => ({ site, room: r })));
  if (rooms.length === 0) {
    return (
      <Alert severity="info" title="No data center rooms in the twin">
        The floor view needs racks placed in rooms: add an inventory (sites, rooms, rows, racks) to the collector.
      </Alert>
    );
  }
  const shown = room ? rooms.filter((r) => r.room.id === room) : rooms;
  const cooledBy = (rack: FloorRack) =>
    crac !== undefined &&
    (rack.coolingBy.includes(crac) ||
      shown.some((r) => r.room.cracs.some((c) => c.id === crac && c.cools.includes(rack.id))));
  const openRack = rooms.flatMap((r) => r.room.rows.flatMap((row) => row.racks)).find((r) => r.id === rackId);

  return (
    <div className={styles.wrapper}>
      <div className={styles.controls}>
        <RadioButtonGroup<FloorMetric>
          size="sm"
          aria-label="Rack colour"
          options={METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }))}
          value={metric}
          onChange={setMetric}
        />
        {room && (
          <Button size="sm" variant="secondary" icon="arrow-left" onClick={() => setRoom(undefined)}>
            All rooms
          </Button>
        )}
        {error && <span className={styles.note}>Not refreshed: {error}</span>}
      </div>
      {shown.map(({ site, room: r }) => (
        <section key={r.id} className={styles.room} aria-label={`Room ${r.name}`}>
          <div className={styles.roomHeader}>
            <Button
              size="sm"
              variant="secondary"
              fill="text"
              onClick={() => setRoom(r.id)}
              aria-label={`Open room ${r.name}`}
            >
              {site.name} / {r.name}
            </Button>
            {r.cracs.map((c) => (
              <Button
                key={c.id}
                size="sm"
                variant={c.failed ? 'destructive' : 'secondary'}
                aria-label={`CRAC ${c.name}, cools ${c.cools.length} racks${c.failed ? ', failed' : ''}`}
                onMouseEnter={() => setCrac(c.id)}
                onMouseLeave={() => setCrac(undefined)}
                onFocus={() => setCrac(c.id)}
                onBlur={() => setCrac(undefined)}
                onClick={() => onSelect(c.id)}
              >
                {c.name}
              </Button>
            ))}
          </div>
          {r.rows.map((row) => (
            <div key={row.id} className={styles.row} role="group" aria-label={`Row ${row.name}`}>
              <span className={styles.rowName}>{row.name}</span>
              {row.racks.map((rack) => (
                <RackCell
                  key={rack.id}
                  rack={overlaidRack(rack, overlay)}
                  metric={metric}
                  thresholds={thresholds}
                  outlined={cooledBy(rack)}
                  selected={rack.id === rackId}
                  overlay={overlay}
                  onOpen={(x) => setRackId(x.id === rackId ? undefined : x.id)}
                />
              ))}
            </div>
          ))}
        </section>
      ))}
      {openRack && (
        <ServerList
          rack={overlaidRack(openRack, overlay)}
          selected={selected}
          onSelect={onSelect}
          onClose={() => setRackId(undefined)}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), height: '100%', overflow: 'auto' }),
  controls: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  room: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1),
  }),
  roomHeader: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
    marginBottom: theme.spacing(1),
  }),
  row: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    flexWrap: 'wrap',
    marginBottom: theme.spacing(0.5),
  }),
  rowName: css({ width: 64, color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
