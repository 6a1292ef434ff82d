import { AggregationTemporality, InMemoryMetricExporter } from '@opentelemetry/sdk-metrics';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createRandom } from '../random';
import { addServersToWorld, coldWorldState, createDataCenterLayout, createWorldModel, readSensors, stepWorld } from '../world';
import { defaultShopCatalog } from '../shop';
import { createTelemetryEmitter } from './telemetry-emitter';
import type { TelemetryStep } from './telemetry-emitter';
import { createTestSimulation } from './testdata/test-simulation';

/** The real collector from its built dist (the root `npm test` builds it); a variable path keeps tsc out. */
const COLLECTOR = '@twinops/collector';

interface Signal { name: string; latest?: { v: number } }
interface Detail { signals: Signal[]; events: { countsBySeverity: Record<string, number>; latestErrors: { message: string }[] } }
interface Twin {
  listEntities(filter: object): { items: { id: string; type: string }[] };
  getEntity(id: string): Detail | undefined;
  topology(): { edges: { from: string; to: string; type: string }[] };
}

const latest = (twin: Twin, entity: string, signal: string) => twin.getEntity(entity)?.signals.find((s) => s.name === signal)?.latest?.v;

describe('createTelemetryEmitter against a real collector', () => {
  let collector: { twin: Twin; start(): Promise<void>; shutdown(): Promise<void>; endpoints(): { otlpHttp: string } };
  let url = '';
  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { collectorConfigSchema, createCollector } = require(COLLECTOR);
    const errors: string[] = [];
    const raw = {
      receivers: { otlp: { http: { endpoint: '127.0.0.1:0' }, grpc: { endpoint: '127.0.0.1:0' } } },
      api: { endpoint: '127.0.0.1:0' },
      // Short windows so the service-graph edges are written soon after the spans arrive.
      twin: { service_graph: { window_seconds: 1, wait_seconds: 1 } },
      // Nothing kept across runs: each run starts from an empty twin.
      store: { sqlite: { path: ':memory:' } },
    };
    const config = collectorConfigSchema.parse(raw, '', errors);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    collector = createCollector(config, { logger, env: {}, version: 'test' });
    await collector.start();
    url = `http://${collector.endpoints().otlpHttp}`;
  });
  afterAll(async () => collector?.shutdown());

  it('gives the twin hosts, devices, instances, hw signals equal to the readings, logs and service-graph edges', async () => {
    const sim = createTestSimulation();
    // The real OTLP/HTTP protobuf exporters (the test script runs Jest with VM modules, which
    // their dynamic import of node:http needs).
    const emitter = createTelemetryEmitter({ otlpEndpoint: url, layout: sim.layout, catalog: sim.catalog });
    let step: TelemetryStep = sim.step(10);
    await emitter.emit(step, Date.now());
    step = sim.step(10);
    step.shop.events.push({ timeSeconds: 0, kind: 'crash', service: 'cart', instance: 'cart-1', message: 'cart-1 down: host crashed' });
    const report = await emitter.emit(step, Date.now());
    await emitter.flush();
    await emitter.shutdown();

    // 84 servers + 4 CRACs + 4 PDUs as hosts; one resource (request) per host, device and instance.
    expect(report.metricRequests).toBe(92 + step.shop.instances.length);
    expect(report.failedMetricRequests).toBe(0);
    const twin = collector.twin;
    const count = (type: string) => twin.listEntities({ type, limit: 10_000 }).items.length;
    expect([count('host'), count('service'), count('instance')]).toEqual([92, 7, step.shop.instances.length]);
    // Per server inlet, cpu, fan, enclosure; per CRAC supply and fan; per PDU its output.
    expect(count('hw')).toBe(84 * 4 + 4 * 2 + 4);

    const host = step.sensors.hosts[0];
    expect(host.name).toBe('r01-s1');
    expect(latest(twin, 'host:r01-s1', 'hw.host.power')).toBe(host.powerWatts);
    expect(latest(twin, 'host:r01-s1', 'system.cpu.utilization')).toBe(step.hostLoad.get('r01-s1')?.cpuUtilization);
    expect(latest(twin, 'hw:r01-s1/r01-s1-inlet', 'hw.temperature')).toBe(host.inletCelsius);
    expect(latest(twin, 'hw:r01-s1/r01-s1-cpu', 'hw.temperature')).toBe(host.cpuCelsius);
    expect(latest(twin, 'hw:r01-s1/r01-s1-fan', 'hw.fan.speed_ratio')).toBe(host.fanSpeedRatio);
    const crac = step.sensors.cracs[0];
    expect(latest(twin, 'host:crac-a1', 'hw.host.power')).toBe(crac.powerWatts);
    expect(latest(twin, 'hw:crac-a1/crac-a1-supply', 'hw.temperature')).toBe(crac.supplyCelsius);
    const rowA1 = step.sensors.hosts.filter((h) => /^r0[1-3]-/.test(h.name)).reduce((sum, h) => sum + h.powerWatts, 0);
    expect(latest(twin, 'host:pdu-a1', 'hw.host.power')).toBeCloseTo(rowA1, 9);

    const cart = twin.getEntity('instance:shop/cart/cart-1');
    expect(cart?.events.countsBySeverity.FATAL).toBe(1);
    expect(cart?.events.latestErrors.map((e) => e.message)).toContain('cart-1 down: host crashed');

    // Edges are written per window: wait (bounded) for the frontend -> cart call edge.
    const hasEdge = () => twin.topology().edges.some((e) => e.from === 'service:shop/frontend' && e.to === 'service:shop/cart' && e.type !== 'contains');
    for (let i = 0; i < 50 && !hasEdge(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(hasEdge()).toBe(true);
  });
});

describe('createTelemetryEmitter with servers added at run time', () => {
  it('reports a new host under its own resource once the step carries the grown layout', async () => {
    const layout = createDataCenterLayout();
    const metrics = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const exporters = { metrics, spans: new InMemorySpanExporter(), logs: new InMemoryLogRecordExporter() };
    const emitter = createTelemetryEmitter({ otlpEndpoint: 'http://127.0.0.1:1', layout, catalog: defaultShopCatalog() }, { exporters });
    const grown = addServersToWorld(coldWorldState(createWorldModel(layout)), { rack: 'r03', count: 1 }).state;
    const state = stepWorld(grown, { hostLoad: new Map() }, 5);
    const shop = { entryRequests: {}, instances: [], dependencies: [], traces: [], events: [] };
    const report = await emitter.emit({ sensors: readSensors(state, createRandom(1)), shop, hostLoad: new Map(), layout: state.model.layout }, 1_700_000_000_000);
    await emitter.shutdown();
    // 85 servers, 4 CRACs, 4 PDUs.
    expect(report).toMatchObject({ metricRequests: 93, failedMetricRequests: 0 });
    const resource = metrics.getMetrics().find((rm) => rm.resource.attributes['host.name'] === 'r03-s8');
    expect(resource?.resource.attributes).toEqual({ 'host.name': 'r03-s8', 'host.id': 'r03-s8', 'host.type': 'storage-2u' });
    const power = resource?.scopeMetrics[0].metrics.find((m) => m.descriptor.name === 'hw.host.power');
    expect(power?.dataPoints[0].value).toBeGreaterThan(100);
  });
});
