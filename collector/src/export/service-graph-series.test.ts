import { createTwin, defaultTwinModelConfig } from '../model';
import { createServiceGraph, defaultServiceGraphConfig } from '../ingest/service-graph';
import { SpanKind, StatusCode } from '../otlp';
import { createPrometheusRegistry } from './prometheus-registry';
import type { Span } from '../otlp';
import { span as spanFixture } from '../otlp/testdata/fixtures';
import type { ServiceGraph } from '../ingest/service-graph';

type SpanOrigin = Parameters<ServiceGraph['consumeSpan']>[1];

const MS = 1e6;
function span(kind: number, id: string, parent: string, startMs: number, endMs: number, error = false): Span {
  return spanFixture({
    traceId: 'a'.repeat(32),
    spanId: id,
    parentSpanId: parent,
    name: 'op',
    kind,
    startTimeUnixNano: startMs * MS,
    endTimeUnixNano: endMs * MS,
    status: { message: '', code: error ? StatusCode.ERROR : StatusCode.UNSET },
  });
}
const origin = (name: string, namespace?: string): SpanOrigin => ({
  serviceId: namespace ? `service:${namespace}/${name}` : `service:${name}`,
  serviceName: name,
  resource: namespace ? { 'service.name': name, 'service.namespace': namespace } : { 'service.name': name },
});

describe("Grafana's service-graph series at /metrics", () => {
  it('renders request counts, failures and both latency histograms for a small graph', async () => {
    const registry = createPrometheusRegistry({ defaultMetrics: false });
    let now = 1_000_000;
    const clock = { now: () => now };
    const twin = createTwin(defaultTwinModelConfig(), { clock, metrics: createPrometheusRegistry({ defaultMetrics: false }) });
    const config = { ...defaultServiceGraphConfig(), latencyBucketsSeconds: [0.1, 1] };
    for (const id of ['service:shop/frontend', 'service:checkout']) twin.upsertEntity({ id, type: 'service', level: 'system' });
    const graph = createServiceGraph(config, { twin, clock, metrics: registry });
    // frontend (namespace shop) calls checkout twice (one fails on the server); a root span of checkout has no caller.
    graph.consumeSpan(span(SpanKind.CLIENT, '1'.repeat(16), '', 0, 300), origin('frontend', 'shop'));
    graph.consumeSpan(span(SpanKind.SERVER, '2'.repeat(16), '1'.repeat(16), 10, 260), origin('checkout'));
    graph.consumeSpan(span(SpanKind.CLIENT, '3'.repeat(16), '', 0, 50), origin('frontend', 'shop'));
    graph.consumeSpan(span(SpanKind.SERVER, '4'.repeat(16), '3'.repeat(16), 10, 72.5, true), origin('checkout'));
    graph.consumeSpan(span(SpanKind.SERVER, '5'.repeat(16), '', 0, 2000), origin('checkout'));
    now += 15_000;
    graph.tick(now);
    const text = await registry.metrics();
    const series = text.split('\n').filter((line) => line.startsWith('traces_service_graph_'));
    const fc = 'client="frontend",server="checkout",connection_type="",client_service_namespace="shop",server_service_namespace=""';
    const uc = 'client="user",server="checkout",connection_type="virtual_node",client_service_namespace="",server_service_namespace=""';
    expect(series).toEqual([
      `traces_service_graph_request_total{${fc}} 2`,
      `traces_service_graph_request_total{${uc}} 1`,
      `traces_service_graph_request_failed_total{${fc}} 1`,
      `traces_service_graph_request_server_seconds_bucket{${fc},le="0.1"} 1`,
      `traces_service_graph_request_server_seconds_bucket{${fc},le="1"} 2`,
      `traces_service_graph_request_server_seconds_bucket{${fc},le="+Inf"} 2`,
      `traces_service_graph_request_server_seconds_sum{${fc}} 0.3125`,
      `traces_service_graph_request_server_seconds_count{${fc}} 2`,
      `traces_service_graph_request_server_seconds_bucket{${uc},le="0.1"} 0`,
      `traces_service_graph_request_server_seconds_bucket{${uc},le="1"} 0`,
      `traces_service_graph_request_server_seconds_bucket{${uc},le="+Inf"} 1`,
      `traces_service_graph_request_server_seconds_sum{${uc}} 2`,
      `traces_service_graph_request_server_seconds_count{${uc}} 1`,
      `traces_service_graph_request_client_seconds_bucket{${fc},le="0.1"} 1`,
      `traces_service_graph_request_client_seconds_bucket{${fc},le="1"} 2`,
      `traces_service_graph_request_client_seconds_bucket{${fc},le="+Inf"} 2`,
      `traces_service_graph_request_client_seconds_sum{${fc}} 0.35`,
      `traces_service_graph_request_client_seconds_count{${fc}} 2`,
      `traces_service_graph_request_client_seconds_bucket{${uc},le="0.1"} 0`,
      `traces_service_graph_request_client_seconds_bucket{${uc},le="1"} 0`,
      `traces_service_graph_request_client_seconds_bucket{${uc},le="+Inf"} 1`,
      `traces_service_graph_request_client_seconds_sum{${uc}} 2`,
      `traces_service_graph_request_client_seconds_count{${uc}} 1`,
    ]);
    expect(text).toContain('# TYPE traces_service_graph_request_server_seconds histogram\n');
    expect(text).toContain('# TYPE twinops_service_graph_pending gauge\ntwinops_service_graph_pending 0\n');
    expect(text).toContain('twinops_service_graph_paired_total 2\n');
  });
});
