import React, { useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Stack, Text, useStyles2, type ComboboxOption } from '@grafana/ui';
import type { SimulationResult, TwinClient } from '@twinops/datasource/src/api';
import {
  changeCount,
  EMPTY_WHAT_IF,
  predictionAt,
  scenarioFromWhatIf,
  violationsByEntity,
  type FloorPlan,
  type TopologyGraph,
  type WhatIfState,
} from '../model';
import type { Overlay } from './overlay';
// One polling loop for the datasource and the panel: bundled into the panel from the datasource's source.
import { DEFAULT_POLL, awaitSimulation, type PollSettings } from '@twinops/datasource/src/query/await-simulation';
import { ScenarioLibrary } from './ScenarioLibrary';
import { messageOf } from './use-floor-plan';
import { WhatIfControls } from './WhatIfControls';
import { WhatIfResults } from './WhatIfResults';

export interface WhatIfPanelProps {
  client: TwinClient;
  /** The topology: its services get load factors, any of its nodes can fail. */
  graph?: TopologyGraph;
  /** The floor: its CRACs and racks. */
  plan?: FloorPlan;
  selected?: string;
  /** The predicted state to draw over the view, or undefined for the live twin. */
  onOverlay: (overlay: Overlay | undefined) => void;
  poll?: PollSettings;
}

/** What-if mode: controls beside the view, "Run", and the predicted state laid over the view. */
export function WhatIfPanel({ client, graph, plan, selected, onOverlay, poll = DEFAULT_POLL }: WhatIfPanelProps) {
  const styles = useStyles2(getStyles);
  const [state, setState] = useState<WhatIfState>(EMPTY_WHAT_IF);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<SimulationResult | undefined>();
  const [index, setIndex] = useState(0);
  const [after, setAfter] = useState(true);
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []);

  const options = useMemo(() => optionsOf(graph, plan), [graph, plan]);
  const violations = useMemo(() => (result ? violationsByEntity(result) : undefined), [result]);
  useEffect(() => {
    if (!result || !violations) {
      onOverlay(undefined);
      return;
    }
    const t = result.timestamps[Math.min(index, result.timestamps.length - 1)] ?? result.start;
    onOverlay({ prediction: predictionAt(result, t), violations, start: result.start, after });
  }, [result, violations, index, after, onOverlay]);

  const run = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setError(undefined);
    try {
      const job = await client.runSimulation(scenarioFromWhatIf(state), { signal: controller.signal });
      const done = await awaitSimulation(client, job, poll, { signal: controller.signal });
      if (!controller.signal.aborted) {
        setResult(done);
        // Start at the end of the horizon: that is where the scenario's effect has fully arrived.
        setIndex(Math.max(0, done.timestamps.length - 1));
        setAfter(true);
      }
    } catch (e) {
      if (!controller.signal.aborted) {
        setError(messageOf(e));
      }
    } finally {
      if (!controller.signal.aborted) {
        setRunning(false);
      }
    }
  };
  const changes = changeCount(state);

  return (
    <aside className={styles.panel} aria-label="What-if">
      <Text element="h4">What if…</Text>
      <WhatIfControls state={state} onChange={setState} selected={selected} {...options} />
      <Stack gap={1}>
        <Button icon={running ? 'spinner' : 'play'} disabled={running || changes === 0} onClick={run}>
          {running ? 'Running…' : `Run (${changes} ${changes === 1 ? 'change' : 'changes'})`}
        </Button>
        <Button
          variant="secondary"
          disabled={running || (changes === 0 && !result)}
          onClick={() => {
            setState(EMPTY_WHAT_IF);
            setResult(undefined);
            setError(undefined);
          }}
        >
          Reset
        </Button>
      </Stack>
      <ScenarioLibrary
        client={client}
        state={state}
        onOpen={(opened) => {
          // A result of the previous controls would be read as the opened scenario's.
          abort.current?.abort();
          setRunning(false);
          setState(opened);
          setResult(undefined);
          setError(undefined);
        }}
      />
      {error && (
        <Alert severity="error" title="The simulation did not run">
          {error}
        </Alert>
      )}
      {result && <WhatIfResults result={result} index={index} onIndex={setIndex} after={after} onAfter={setAfter} />}
    </aside>
  );
}

function optionsOf(graph: TopologyGraph | undefined, plan: FloorPlan | undefined) {
  const option = (value: string, label: string): ComboboxOption => ({ value, label });
  const nodes = graph?.nodes ?? [];
  const racks = (plan?.sites ?? []).flatMap((s) => s.rooms.flatMap((r) => r.rows.flatMap((row) => row.racks)));
  const cracs = (plan?.sites ?? []).flatMap((s) => s.rooms.flatMap((r) => r.cracs));
  const entities = new Map<string, string>();
  for (const n of nodes) {
    entities.set(n.id, n.title);
  }
  for (const c of cracs) {
    entities.set(c.id, c.name);
  }
  for (const r of racks) {
    entities.set(r.id, r.name);
    r.servers.forEach((s) => entities.set(s.id, s.name));
  }
  return {
    services: nodes.filter((n) => n.type === 'service').map((n) => option(n.id, n.title)),
    entities: [...entities].map(([id, name]) => option(id, name)),
    racks: racks.map((r) => option(r.id, r.name)),
    cracs,
  };
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    width: 340,
    flexShrink: 0,
    height: '100%',
    overflow: 'auto',
    padding: theme.spacing(1),
    borderLeft: `1px solid ${theme.colors.border.weak}`,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
});
