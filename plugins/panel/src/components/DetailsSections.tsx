import React, { useState } from 'react';
import { Button, Combobox, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import type { SignalSummary, TwinClient } from '@twinops/datasource/src/api';
import { Sparkline } from './Sparkline';
import { statusOf, useAsync, type AsyncState } from './use-async';
import { messageOf } from './use-floor-plan';

export interface Range {
  from: number;
  to: number;
}

// Sparklines cost one request each: the first few signals say enough, the rest show their latest value.
const SPARKLINES = 4;

function Pending<T>({ state, children }: { state: AsyncState<T>; children: (value: T) => React.ReactNode }) {
  if (state.loading) {
    return <LoadingPlaceholder text="Loading…" />;
  }
  if (state.error !== undefined || state.value === undefined) {
    return <Text color="error">{messageOf(state.error)}</Text>;
  }
  return <>{children(state.value)}</>;
}

const time = (t: number) => new Date(t).toISOString().replace('T', ' ').slice(0, 19);
const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${Math.round(v * 1000) / 1000}`);

function SignalLine({
  client,
  entity,
  signal,
  range,
}: {
  client: TwinClient;
  entity: string;
  signal: SignalSummary;
  range: Range;
}) {
  const series = useAsync(
    (s) => client.signals({ entity, name: signal.name, from: String(range.from), to: String(range.to) }, { signal: s }),
    [client, entity, signal.name, range.from, range.to]
  );
  return (
    <Pending state={series}>
      {(v) => <Sparkline values={v.points.map((p) => p.v)} label={`${signal.name} over the time range`} />}
    </Pending>
  );
}

export function SignalsSection(props: { client: TwinClient; entity: string; signals: SignalSummary[]; range: Range }) {
  const { client, entity, signals, range } = props;
  if (signals.length === 0) {
    return <Text color="secondary">No signals recorded for this entity.</Text>;
  }
  return (
    <ul aria-label="Signals">
      {signals.map((s, i) => (
        <li key={s.name}>
          <Stack alignItems="center" gap={1}>
            <Text>{s.name}</Text>
            <Text color="secondary">
              {num(s.latest?.v)} {s.unit}
            </Text>
            {i < SPARKLINES && <SignalLine client={client} entity={entity} signal={s} range={range} />}
          </Stack>
        </li>
      ))}
    </ul>
  );
}

export function ForecastSection({ client, entity, signal }: { client: TwinClient; entity: string; signal?: string }) {
  const forecast = useAsync(
    (s) => (signal ? client.forecast({ entity, signal }, { signal: s }) : Promise.resolve(undefined)),
    [client, entity, signal]
  );
  if (!signal) {
    return <Text color="secondary">No analysed signal to forecast.</Text>;
  }
  if (!forecast.loading && statusOf(forecast.error) === 409) {
    // 409: the collector has too little history yet; that is a state, not a failure.
    return <Text color="secondary">Not enough history yet to forecast {signal}.</Text>;
  }
  return (
    <Pending state={forecast}>
      {(f) =>
        f && (
          <Stack direction="column" gap={0.5}>
            <Text>
              {f.signal} ({f.model}, {Math.round(f.level * 100)} % interval)
            </Text>
            <Sparkline values={f.points.map((p) => p.v)} label={`Forecast of ${f.signal}`} />
            {f.threshold?.at !== undefined && (
              <Text color="warning">
                Crosses {f.threshold.limit} {f.unit} ({f.threshold.direction}) at {time(f.threshold.at)}
              </Text>
            )}
          </Stack>
        )
      }
    </Pending>
  );
}

export function AnomaliesSection({ client, entity, range }: { client: TwinClient; entity: string; range: Range }) {
  const anomalies = useAsync(
    (s) => client.anomalies({ entity, from: String(range.from), to: String(range.to) }, { signal: s }),
    [client, entity, range.from, range.to]
  );
  return (
    <Pending state={anomalies}>
      {(a) =>
        a.items.length === 0 ? (
          <Text color="secondary">No anomalies in the time range.</Text>
        ) : (
          <ul aria-label="Anomalies">
            {a.items.map((x) => (
              <li key={`${x.signal}-${x.t}`}>
                {time(x.t)} {x.signal}: score {num(x.score)}, value {num(x.value)}
              </li>
            ))}
          </ul>
        )
      }
    </Pending>
  );
}

export function RootCauseSection({
  client,
  entity,
  signals,
}: {
  client: TwinClient;
  entity: string;
  signals: string[];
}) {
  const [signal, setSignal] = useState<string | undefined>(signals[0]);
  const [asked, setAsked] = useState<string | undefined>();
  const ranking = useAsync(
    (s) => (asked ? client.rootCause({ entity, signal: asked }, { signal: s }) : Promise.resolve(undefined)),
    [client, entity, asked]
  );
  if (signals.length === 0) {
    return <Text color="secondary">No signals to explain.</Text>;
  }
  return (
    <Stack direction="column" gap={1}>
      <Stack gap={1}>
        <Combobox
          aria-label="Signal to explain"
          width={30}
          options={signals.map((s) => ({ value: s, label: s }))}
          value={signal ?? null}
          onChange={(option) => setSignal(option?.value)}
        />
        <Button size="sm" disabled={!signal} onClick={() => setAsked(signal)}>
          Find root cause
        </Button>
      </Stack>
      {asked && (
        <Pending state={ranking}>
          {(r) =>
            r && (
              <ol aria-label="Root cause candidates">
                {r.items.map((c) => (
                  <li key={c.entity}>
                    {c.entity} (score {num(c.score)}){c.path.length > 1 ? `: ${c.path.join(' → ')}` : ''}
                  </li>
                ))}
              </ol>
            )
          }
        </Pending>
      )}
    </Stack>
  );
}

export function EventsSection({ client, entity, range }: { client: TwinClient; entity: string; range: Range }) {
  const events = useAsync(
    (s) => client.events({ entity, from: String(range.from), to: String(range.to) }, { signal: s }),
    [client, entity, range.from, range.to]
  );
  return (
    <Pending state={events}>
      {(e) =>
        e.items.length === 0 ? (
          <Text color="secondary">No warnings or errors in the time range.</Text>
        ) : (
          <ul aria-label="Events">
            {e.items.map((x, i) => (
              <li key={`${x.t}-${i}`}>
                {time(x.t)} {x.severityText}: {x.message}
              </li>
            ))}
          </ul>
        )
      }
    </Pending>
  );
}
