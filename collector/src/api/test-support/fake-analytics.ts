/** A LiveAnalytics double over fixed answers, recording the queries it receives. */
import type { AnomalyEvent, AnomalyQuery, EntityHealth, LiveAnalytics, SignalAnalysis, SignalForecast } from '../../analytics';

export const CPU_FORECAST: SignalForecast = {
  entity: 'host:web-3',
  signal: 'cpu.utilization',
  unit: '1',
  model: 'holt-winters',
  level: 0.9,
  stepMs: 60_000,
  points: [
    { t: 1_700_000_060_000, v: 0.5, lower: 0.4, upper: 0.6 },
    { t: 1_700_000_120_000, v: 0.55, lower: 0.42, upper: 0.68 },
  ],
  threshold: { limit: 0.9, direction: 'above', earliest: 1_700_003_600_000 },
};

export const CPU_ANOMALY: AnomalyEvent = { entity: 'host:web-3', signal: 'cpu.utilization', t: 1_699_999_990_000, score: 0.97, value: 0.93 };

export const HOST_HEALTH: EntityHealth = {
  score: 0.5,
  status: 'degraded',
  reasons: [{ kind: 'anomaly', message: 'cpu.utilization anomalous (score 0.97)', signal: 'cpu.utilization' }],
};

export class FakeAnalytics implements LiveAnalytics {
  readonly forecasts: [string, string, number][] = [];
  readonly queries: AnomalyQuery[] = [];

  constructor(
    readonly analyses: Record<string, SignalAnalysis[]> = {
      'host:web-3': [{ signal: 'cpu.utilization', anomaly: { t: 1_699_999_990_000, score: 0.97, flag: true } }, { signal: 'disk.utilization' }],
    },
    readonly healths: Record<string, EntityHealth> = { 'host:web-3': HOST_HEALTH },
    readonly forecastOf: (entity: string, signal: string) => SignalForecast | undefined = (entity, signal) =>
      entity === CPU_FORECAST.entity && signal === CPU_FORECAST.signal ? CPU_FORECAST : undefined,
    readonly events: AnomalyEvent[] = [CPU_ANOMALY],
  ) {}

  tick(): void {}
  prime(): void {}

  analysisOf(entity: string): SignalAnalysis[] {
    return this.analyses[entity] ?? [];
  }

  anomalies(query: AnomalyQuery): AnomalyEvent[] {
    this.queries.push(query);
    return this.events.slice(0, query.limit);
  }

  forecast(entity: string, signal: string, horizonMs: number): SignalForecast | undefined {
    this.forecasts.push([entity, signal, horizonMs]);
    return this.forecastOf(entity, signal);
  }

  health(entity: string): EntityHealth | undefined {
    return this.healths[entity];
  }
}
