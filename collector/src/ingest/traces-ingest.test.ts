import { readFileSync } from 'node:fs';
import { decodeTraces } from '../otlp/codec';
import { createTracesIngest } from './traces-ingest';
import { ms, setupTwin } from './testdata/fixtures';

describe('traces ingest', () => {
  it('derives entities from span resources and counts spans per service', () => {
    const { twin, config, clock, advance } = setupTwin();
    const ingest = createTracesIngest(twin, config, { clock });
    const decoded = decodeTraces(readFileSync(`${__dirname}/../../../../shared/data/otlp-examples/trace.json`), 'json');
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
});
