import { resourceFromAttributes } from '@opentelemetry/resources';
import { createResourceMeter } from './resource-meter';

const gauges = [{ name: 'process.memory.usage', unit: 'By', description: 'Memory', instrument: 'gauge' as const }];
const histograms = [{ name: 'http.server.request.duration', description: 'Duration' }];

describe('createResourceMeter', () => {
  it('puts the weighted histograms in the SDK scope, after the gauges', async () => {
    let now = 1_000;
    const meter = createResourceMeter(resourceFromAttributes({ 'service.name': 'cart' }), gauges, histograms, () => now);
    now = 3_000;
    meter.set('process.memory.usage', [{ value: 7, attributes: {} }]);
    meter.histogram('http.server.request.duration').record(0.1, 40, { 'http.response.status_code': 200 });
    const rm = await meter.collect();
    expect(rm.resource.attributes).toEqual({ 'service.name': 'cart' });
    expect(rm.scopeMetrics.map((s) => [s.scope, s.metrics.map((m) => m.descriptor.name)])).toEqual([
      [{ name: 'twinops-demo', version: '', schemaUrl: undefined }, ['process.memory.usage', 'http.server.request.duration']],
    ]);
    expect(rm.scopeMetrics[0].metrics[1].dataPoints.map((p) => [p.startTime, p.endTime])).toEqual([[[1, 0], [3, 0]]]);
    await meter.shutdown();
  });

  it('keeps reporting a histogram in a step without gauges, in a scope like the SDK one', async () => {
    const meter = createResourceMeter(resourceFromAttributes({}), gauges, histograms);
    meter.histogram('http.server.request.duration').record(0.1, 2, {});
    await meter.collect();
    const rm = await meter.collect();
    expect(rm.scopeMetrics.map((s) => [s.scope, s.metrics.map((m) => m.dataPoints.length)])).toEqual([[{ name: 'twinops-demo', version: '', schemaUrl: undefined }, [1]]]);
    await meter.shutdown();
  });

  it('names an unknown histogram', () => {
    const meter = createResourceMeter(resourceFromAttributes({}), [], histograms);
    expect(() => meter.histogram('nope')).toThrow("telemetry: no histogram 'nope' on this resource");
  });
});
