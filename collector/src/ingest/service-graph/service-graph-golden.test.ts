import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createTwin, defaultTwinModelConfig, InMemoryMetricsRegistry } from '../../model';
import { decodeTraces } from '../../otlp/codec';
import { defaultTwinConfig } from '../config';
import { createIngest } from '../create-ingest';
import { sharedDataPath } from '../../../test/support/shared-data';

const DATA = sharedDataPath('servicegraph');

function run(file: string) {
  let now = 1_800_000_000_000;
  const clock = { now: () => now };
  const metrics = new InMemoryMetricsRegistry();
  const twin = createTwin(defaultTwinModelConfig(), { clock, metrics });
  const ingest = createIngest(defaultTwinConfig(), { twin, clock, metrics, tickIntervalMs: 0 });
  const json = JSON.stringify(parse(readFileSync(`${DATA}/${file}`, 'utf8')));
  const decoded = decodeTraces(Buffer.from(json), 'json');
  if (!decoded.ok) throw new Error(String(decoded.error));
  ingest.traces.consumeTraces(decoded.value);
  now += 15_000; // past the 10 s wait and the 15 s window
  ingest.tick();
  const edges = twin.topology().edges.filter((e) => ['calls', 'database', 'messaging'].includes(e.type));
  return { twin, metrics, stats: ingest.serviceGraphStats(), edges: edges.map((e) => `${e.from} -${e.type}-> ${e.to} ${e.stats.requests_total}/${e.stats.failed_total}`) };
}

describe('golden: the collector connector test traces (shared/data/servicegraph)', () => {
  it('messaging-system-trace: foo-server -> bar-requester, 1 request, 0 failed', () => {
    const { edges, stats } = run('messaging-system-trace.yaml');
    expect(edges).toEqual(['service:foo-server -calls-> service:bar-requester 1/0']);
    expect(stats).toMatchObject({ paired: 1, pending: 0, virtualEdges: 0 });
  });

  it('extra-dimensions-queue-db-trace: one calls edge; messaging and db attributes do not split a pair', () => {
    const { edges, metrics } = run('extra-dimensions-queue-db-trace.yaml');
    expect(edges).toEqual(['service:foo-server -calls-> service:bar-requester 1/0']);
    const labels = { client: 'foo-server', server: 'bar-requester', connection_type: '', client_service_namespace: '', server_service_namespace: '' };
    expect(metrics.get('traces_service_graph_request_total', labels)).toBe(1);
  });

  it('virtual-node-label-trace: foo-server -> unknown, and the root server named by its peer.service', () => {
    // The reference gives `user -> bar-requester`; our rule names a root server's caller from its
    // peer attribute when there is one, and this span has peer.service: external-platform.
    const { edges, twin, stats } = run('virtual-node-label-trace.yaml');
    expect(edges).toEqual([
      'service:external-platform -calls-> service:bar-requester 1/0',
      'service:foo-server -calls-> unknown 1/0',
    ]);
    expect(twin.getEntity('unknown')).toMatchObject({ type: 'unknown', level: 'system', attributes: { virtual: true } });
    expect(twin.getEntity('service:external-platform')).toMatchObject({ type: 'service', attributes: { virtual: true } });
    expect(stats).toMatchObject({ paired: 0, virtualEdges: 2, expired: { client: 1, server: 0, producer: 0, consumer: 0 } });
  });

  it('virtual-node-label-client-trace: user -> bar-requester (peer.service.name is no peer attribute)', () => {
    const { edges, twin } = run('virtual-node-label-client-trace.yaml');
    expect(edges).toEqual(['user -calls-> service:bar-requester 1/0']);
    expect(twin.getEntity('user')).toMatchObject({ type: 'user', level: 'system', name: 'user', attributes: { virtual: true } });
  });
});
