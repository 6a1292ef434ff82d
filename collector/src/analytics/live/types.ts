/** What live analytics tells about the twin's signals and entities: the contract between the engine, health and the API. */

export const HEALTH_STATUSES = ['ok', 'degraded', 'failing', 'unknown'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** One signal's latest anomaly verdict. */
export interface AnomalyPoint {
  /** Bucket start, milliseconds since the epoch. */
  t: number;
  /** In [0, 1]. */
  score: number;
  flag: boolean;
}

/** A flagged point, kept in a bounded log for `GET /api/v1/anomalies`. */
export interface AnomalyEvent {
  entity: string;
  signal: string;
  t: number;
  score: number;
  /** The signal's value at t. */
  value: number;
}

export interface AnomalyQuery {
  /** Milliseconds since the epoch, inclusive. */
  from: number;
  to: number;
  entity?: string;
  minScore?: number;
  limit: number;
}

export interface ForecastPoint {
  t: number;
  v: number;
  lower: number;
  upper: number;
}

/** When a signal's forecast crosses a configured limit (absent fields: not within the horizon). */
export interface ThresholdCrossing {
  limit: number;
  direction: 'above' | 'below';
  /** Milliseconds since the epoch: where the point forecast crosses. */
  at?: number;
  /** Where the interval's pessimistic and optimistic bounds cross. */
  earliest?: number;
  latest?: number;
}

export interface SignalForecast {
  entity: string;
  signal: string;
  unit: string;
  /** Which model or combination produced it. */
  model: string;
  /** Coverage of the interval, e.g. 0.9. */
  level: number;
  /** Spacing of the points, ms. */
  stepMs: number;
  points: ForecastPoint[];
  threshold?: ThresholdCrossing;
}

/** What the engine knows of one signal now. */
export interface SignalAnalysis {
  signal: string;
  anomaly?: AnomalyPoint;
  threshold?: ThresholdCrossing;
}

export interface HealthReason {
  kind: 'anomaly' | 'error_ratio' | 'threshold' | 'hw_status' | 'child' | 'dependency';
  /** For a person: "inlet temperature forecast to cross 27 °C in 12 min". */
  message: string;
  /** The entity the reason comes from, when not the entity itself (a child, a callee). */
  entity?: string;
  signal?: string;
}

export interface EntityHealth {
  /** 1 when all is well, 0 at worst. */
  score: number;
  status: HealthStatus;
  /** Worst first. */
  reasons: HealthReason[];
}

/** A signal's recent history from outside the twin (Prometheus), to prime forecasts and detectors. */
export interface SignalHistory {
  entity: string;
  signal: string;
  /** Oldest first. */
  points: { t: number; v: number }[];
}

/** The live engine: per configured signal an anomaly detector and a forecast, kept current as points arrive. */
export interface LiveAnalytics {
  /** Feeds every closed bucket written since the last tick, refits what is due, recomputes health. */
  tick(nowMs: number): void;
  /** Seeds forecasts and detectors with history (before the twin has any). */
  prime(history: SignalHistory[]): void;
  analysisOf(entity: string): SignalAnalysis[];
  anomalies(query: AnomalyQuery): AnomalyEvent[];
  /** Undefined when the signal is not analysed or has too little history yet. */
  forecast(entity: string, signal: string, horizonMs: number): SignalForecast | undefined;
  health(entity: string): EntityHealth | undefined;
}
