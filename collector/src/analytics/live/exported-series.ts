/**
 * The engine's series at /metrics (anomaly score, forecast values, time to threshold, entity
 * health), bounded: a new series beyond `max` is not exported and counted; series that no longer
 * apply are removed so Prometheus stops seeing them.
 */
import type { Gauge, Labels, MetricsRegistry } from '../../model';

export interface ExportedSeries {
  anomalyScore(entity: string, signal: string, score: number): void;
  forecastValue(entity: string, signal: string, horizonSeconds: number, value: number | undefined): void;
  timeToThreshold(entity: string, signal: string, limit: number, seconds: number | undefined): void;
  entityHealth(entity: string, type: string, score: number | undefined): void;
  /** Removes every series of the entity (it left the twin) or of one of its signals. */
  forget(entity: string, signal?: string): void;
  readonly size: number;
}

export function createExportedSeries(metrics: MetricsRegistry, max: number): ExportedSeries {
  const anomaly = metrics.gauge('twinops_anomaly_score', 'Latest anomaly score of a signal, in [0, 1].', ['entity', 'signal']);
  const forecast = metrics.gauge(
    'twinops_forecast_value',
    'Point forecast of a signal `horizon` seconds after its last complete step.',
    ['entity', 'signal', 'horizon'],
  );
  const ttt = metrics.gauge(
    'twinops_forecast_time_to_threshold_seconds',
    'Seconds until the point forecast crosses the configured limit; absent when no crossing is forecast within the horizon.',
    ['entity', 'signal', 'limit'],
  );
  const health = metrics.gauge('twinops_entity_health', 'Health score of an entity: 1 all well, 0 at worst.', ['entity', 'type']);
  const skipped = metrics.counter('twinops_live_series_skipped_total', 'Series not exported because max_exported_series was reached.');
  // Per entity: the series exported, by key, so an entity's or a signal's series can be removed.
  const byEntity = new Map<string, Map<string, { gauge: Gauge; labels: Labels; signal?: string }>>();
  let size = 0;

  const set = (gauge: Gauge, key: string, labels: Labels, value: number, signal?: string) => {
    let series = byEntity.get(labels.entity);
    if (!series?.has(key)) {
      if (size >= max) {
        skipped.inc();
        return;
      }
      if (!series) byEntity.set(labels.entity, (series = new Map()));
      series.set(key, { gauge, labels, ...(signal !== undefined ? { signal } : {}) });
      size++;
    }
    gauge.set(labels, value);
  };
  const remove = (entity: string, key: string) => {
    const series = byEntity.get(entity);
    const found = series?.get(key);
    if (!series || !found) return;
    found.gauge.remove(found.labels);
    series.delete(key);
    size--;
    if (series.size === 0) byEntity.delete(entity);
  };

  return {
    anomalyScore(entity, signal, score) {
      set(anomaly, `a\u0000${signal}`, { entity, signal }, score, signal);
    },
    forecastValue(entity, signal, horizonSeconds, value) {
      const key = `f\u0000${signal}\u0000${horizonSeconds}`;
      if (value === undefined || !Number.isFinite(value)) remove(entity, key);
      else set(forecast, key, { entity, signal, horizon: String(horizonSeconds) }, value, signal);
    },
    timeToThreshold(entity, signal, limit, seconds) {
      const key = `t\u0000${signal}\u0000${limit}`;
      if (seconds === undefined) remove(entity, key);
      else set(ttt, key, { entity, signal, limit: String(limit) }, seconds, signal);
    },
    entityHealth(entity, type, score) {
      // An entity whose type changed keeps one series, under its new type.
      if (score === undefined || byEntity.get(entity)?.get('h')?.labels.type !== type) remove(entity, 'h');
      if (score === undefined) return;
      set(health, 'h', { entity, type }, score);
    },
    forget(entity, signal) {
      const series = byEntity.get(entity);
      if (!series) return;
      for (const [key, s] of [...series]) if (signal === undefined || s.signal === signal) remove(entity, key);
    },
    get size() {
      return size;
    },
  };
}
