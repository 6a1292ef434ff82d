import { InMemoryMetricsRegistry } from '../../model';
import { createExportedSeries } from './exported-series';

describe('createExportedSeries', () => {
  it('sets series with their labels, removes them, and forgets an entity or a signal', () => {
    const metrics = new InMemoryMetricsRegistry();
    const series = createExportedSeries(metrics, 100);
    series.anomalyScore('host:a', 'cpu', 0.25);
    series.forecastValue('host:a', 'cpu', 900, 0.5);
    series.timeToThreshold('host:a', 'cpu', 0.9, 120);
    series.entityHealth('host:a', 'host', 1);
    series.anomalyScore('host:a', 'mem', 0.1);
    expect(metrics.get('twinops_anomaly_score', { entity: 'host:a', signal: 'cpu' })).toBe(0.25);
    expect(metrics.get('twinops_forecast_value', { entity: 'host:a', signal: 'cpu', horizon: '900' })).toBe(0.5);
    expect(metrics.get('twinops_forecast_time_to_threshold_seconds', { entity: 'host:a', signal: 'cpu', limit: '0.9' })).toBe(120);
    expect(metrics.get('twinops_entity_health', { entity: 'host:a', type: 'host' })).toBe(1);
    expect(series.size).toBe(5);
    series.timeToThreshold('host:a', 'cpu', 0.9, undefined);
    expect(metrics.has('twinops_forecast_time_to_threshold_seconds', { entity: 'host:a', signal: 'cpu', limit: '0.9' })).toBe(false);
    series.entityHealth('host:a', 'server', 0.5);
    expect(metrics.has('twinops_entity_health', { entity: 'host:a', type: 'host' })).toBe(false);
    expect(metrics.get('twinops_entity_health', { entity: 'host:a', type: 'server' })).toBe(0.5);
    series.forget('host:a', 'cpu');
    expect(series.size).toBe(2);
    series.forget('host:a');
    expect(series.size).toBe(0);
    expect(metrics.has('twinops_anomaly_score', { entity: 'host:a', signal: 'mem' })).toBe(false);
  });

  it('exports at most `max` series and counts the rest', () => {
    const metrics = new InMemoryMetricsRegistry();
    const series = createExportedSeries(metrics, 2);
    for (const s of ['a', 'b', 'c']) series.anomalyScore('host:a', s, 0.5);
    series.anomalyScore('host:a', 'a', 0.6);
    expect(series.size).toBe(2);
    expect(metrics.has('twinops_anomaly_score', { entity: 'host:a', signal: 'c' })).toBe(false);
    expect(metrics.get('twinops_anomaly_score', { entity: 'host:a', signal: 'a' })).toBe(0.6);
    expect(metrics.get('twinops_live_series_skipped_total')).toBe(1);
  });
});
