import { createTwin, defaultTwinModelConfig, InMemoryMetricsRegistry } from '../../../model';
import { SpanKind, StatusCode } from '../../../otlp';
import { createServiceGraph } from '../service-graph';
import { defaultServiceGraphConfig } from '../config';
import type { Attributes, Span } from '../../../otlp';
import type { SpanOrigin } from '../../span-sink';
import type { ServiceGraphConfig } from '../config';

/** Shared fixtures for the service-graph tests (not part of the folder's public surface). */

/** Early on the clock, so span times in nanoseconds stay below 2^53 and durations are exact. */
export const T0_MS = 1_000_000_000;
const NS = 1e6;

export interface SpanSpec {
  kind: keyof typeof SpanKind;
  trace?: string;
  id?: string;
  parent?: string;
  /** Start and end in ms after T0_MS. */
  startMs?: number;
  endMs?: number;
  attributes?: Attributes;
  error?: boolean;
  traceState?: string;
}

export function span(spec: SpanSpec): Span {
  const start = spec.startMs ?? 0;
  return {
    traceId: spec.trace ?? 'a'.repeat(32),
    spanId: spec.id ?? '1'.repeat(16),
    traceState: spec.traceState ?? '',
    parentSpanId: spec.parent ?? '',
    flags: 0,
    name: 'op',
    kind: SpanKind[spec.kind],
    startTimeUnixNano: (T0_MS + start) * NS,
    endTimeUnixNano: (T0_MS + (spec.endMs ?? start + 100)) * NS,
    attributes: spec.attributes ?? {},
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { message: '', code: spec.error ? StatusCode.ERROR : StatusCode.UNSET },
  };
}

export function origin(service: string | undefined, resource: Attributes = {}): SpanOrigin {
  return {
    serviceId: service === undefined ? undefined : `service:${service}`,
    serviceName: service,
    resource: service === undefined ? resource : { 'service.name': service, ...resource },
  };
}

/** A client span and its server child in one trace. */
export function pair(trace: string, client: Partial<SpanSpec> = {}, server: Partial<SpanSpec> = {}): [Span, Span] {
  return [
    span({ kind: 'CLIENT', trace, id: 'c'.repeat(16), ...client }),
    span({ kind: 'SERVER', trace, id: 'd'.repeat(16), parent: 'c'.repeat(16), ...server }),
  ];
}

export const traceId = (n: number) => n.toString(16).padStart(32, '0');

/** A service graph over a fresh twin, with a clock the test advances. */
export function setupGraph(change: (c: ServiceGraphConfig) => void = () => {}) {
  const config = defaultServiceGraphConfig();
  change(config);
  let now = T0_MS;
  const clock = { now: () => now };
  const metrics = new InMemoryMetricsRegistry();
  const twin = createTwin(defaultTwinModelConfig(), { clock, metrics });
  for (const name of ['frontend', 'checkout', 'payment', 'worker']) {
    twin.upsertEntity({ id: `service:${name}`, type: 'service', level: 'system' });
  }
  const graph = createServiceGraph(config, { twin, clock, metrics });
  const advance = (ms: number) => {
    now += ms;
    graph.tick(now);
  };
  return { graph, twin, metrics, config, advance, now: () => now };
}
