import { readFileSync } from 'node:fs';
import { decodeTraces } from '../otlp/codec';
import { createTracesIngest } from './traces-ingest';
import { ms, scope, setupTwin } from './testdata/fixtures';
import { span } from '../otlp/testdata/fixtures';
import type { TracesData } from '../otlp';
import { sharedDataPath } from '../../test/support/shared-data';

describe('traces ingest', () => {
  it('derives entities from span resources and counts spans per service', () => {
    const { twin, config, clock, advance } = setupTwin();
    const ingest = createTracesIngest(twin, config, { clock });
    const decoded = decodeTraces(readFileSync(sharedDataPath('otlp-examples', 'trace.json')), 'json');
    if (!decoded.ok) throw new Error(String(decoded.error));
    ingest.consumeTraces(decoded.value);
    advance(10_000);
    const data = decoded.value;
    const spans = data.resourceSpans[0].scopeSpans[0].spans;
    data.resourceSpans[0].scopeSpans[0].spans = [...spans, ...spans, ...spans, ...spans, ...spans];
    ingest.consumeTraces(data);
    expect(twin.listEntities({}).items.map((e) => e.id)).toEqual(['service:my.service']);
    expect(twin.getEntity('service:my.service')?.signals).toEqual([
      { name: 'spans.received', unit: '{span}', kind: 'count', latest: { t: ms(10), v: 6 * spans.length } },
      { name: 'spans.received.rate', unit: '{span}/s', kind: 'rate', latest: { t: ms(10), v: (5 * spans.length) / 10 } },
    ]);
  });

  it('keeps no counter for services the twin turned away, so a flood cannot reset real counts', () => {
    const { twin, config, clock, metrics } = setupTwin((c) => {
      c.limits.maxEntities = 1;
      c.limits.maxSeriesState = 1;
    });
    const ingest = createTracesIngest(twin, config, { clock });
    const request = (service: string): TracesData => ({
      resourceSpans: [
        {
          resource: { attributes: { 'service.name': service }, droppedAttributesCount: 0 },
          scopeSpans: [{ scope, spans: [span()], schemaUrl: '' }],
          schemaUrl: '',
        },
      ],
    });
    ingest.consumeTraces(request('cart'));
    for (const name of ['flood-1', 'flood-2', 'flood-3']) ingest.consumeTraces(request(name));
    ingest.consumeTraces(request('cart'));
    expect(twin.listEntities({}).items.map((e) => e.id)).toEqual(['service:cart']);
    expect(twin.getEntity('service:cart')?.signals.find((s) => s.name === 'spans.received')?.latest?.v).toBe(2);
    expect(metrics.get('twinops_twin_dropped_total', { reason: 'series_state_evicted' })).toBe(0);
  });
});
