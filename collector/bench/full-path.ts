/**
 * The collector's request path without its HTTP/gRPC transport, wired as the collector wires it
 * (src/collector/collector.ts) at the default config: the transport-neutral signal handler
 * (decode, validate, count, consume) in front of the real ingest and twin, reporting to a
 * Prometheus registry. Only the transport (reading the body, gzip, writing the response) and the
 * no-op self-telemetry wrapper are left out.
 */
import { createPrometheusRegistry } from '../src/export';
import { createIngest, defaultTwinConfig } from '../src/ingest';
import { createTwin } from '../src/model';
import type { Logger, Twin } from '../src/model';
import { createSignalHandler } from '../src/otlp/handler';
import { createRateLimitedLog } from '../src/otlp/rate-limited-log';
import { createReceiverMetrics } from '../src/otlp/receiver-metrics';
import { METRICS, TRACES } from '../src/otlp/signal-specs';
import type { Pass } from './timing';

export interface FullPath {
  twin: Twin;
  traces: Pass;
  metrics: Pass;
}

// Bad input is logged; the generated requests are all valid, so nothing is.
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export function createFullPath(): FullPath {
  const clock = { now: () => Date.now() };
  const registry = createPrometheusRegistry({ defaultMetrics: false });
  const config = defaultTwinConfig();
  const twin = createTwin(config, { clock, metrics: registry });
  const ingest = createIngest(config, { twin, clock, metrics: registry });
  const deps = { metrics: createReceiverMetrics(registry), log: createRateLimitedLog(silent, 10_000, clock.now) };
  const traces = createSignalHandler(TRACES, (d) => ingest.traces.consumeTraces(d), deps);
  const metrics = createSignalHandler(METRICS, (d) => ingest.metrics.consumeMetrics(d), deps);
  const passOf = (handler: typeof traces): Pass => (bodies) => {
    for (const body of bodies) {
      const result = handler.handle(body, 'protobuf', 'http');
      if (!result.ok) throw new Error(`${handler.signal} request failed: ${result.failure.message}`);
      if (result.rejected > 0) throw new Error(`${handler.signal} request partly rejected: ${result.partial?.message}`);
    }
  };
  return { twin, traces: passOf(traces), metrics: passOf(metrics) };
}
