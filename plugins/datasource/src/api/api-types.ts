/**
 * Response shapes of the collector's API, mirroring the JSON schemas in collector/src/api
 * (schemas.ts, analytics-schemas.ts and the *-route(s).ts files). Times are epoch milliseconds;
 * a value the collector could not represent (NaN, infinity) arrives as null.
 */

export type Scalar = string | number | boolean | null;
export type HealthStatus = 'ok' | 'degraded' | 'failing' | 'unknown';

export interface ApiEntity {
  id: string;
  type: string;
  level: string;
  name: string;
  attributes: Record<string, Scalar>;
  parent?: string;
  desired: Record<string, Scalar>;
  firstSeen: number;
  lastSeen: number;
}

export interface EntityList {
  total: number;
  items: ApiEntity[];
}

export interface ApiPoint {
  t: number;
  v: number | null;
}

export interface AnomalyPoint {
  t: number;
  score: number;
  flag: boolean;
}

export interface SignalSummary {
  name: string;
  unit: string;
  kind: string;
  latest?: ApiPoint;
  anomaly?: AnomalyPoint;
}

export interface ApiEvent {
  t: number;
  severityNumber: number;
  severityText: string;
  message: string;
  attributes: Record<string, Scalar>;
}

export interface EntityDetail extends ApiEntity {
  health?: {
    score: number;
    status: HealthStatus;
    reasons: Array<{ kind: string; message: string; entity?: string; signal?: string }>;
  };
  signals: SignalSummary[];
  relations: Array<{ id: string; from: string; to: string; type: string; stats: Record<string, number | null> }>;
  events: { countsBySeverity: Record<string, number>; latestErrors: ApiEvent[] };
}

export interface TopologyNode {
  id: string;
  type: string;
  level: string;
  title: string;
  subtitle: string;
  virtual: boolean;
  parent?: string;
  health: { status: HealthStatus; score?: number | null };
  /** requests_per_second, error_ratio, latency_p95_seconds for services and flows. */
  stats: Record<string, number | null>;
  firstSeen: number;
  lastSeen: number;
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  stats: Record<string, number | null>;
  firstSeen: number;
  lastSeen: number;
}

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

export interface SignalSeries {
  entity: string;
  name: string;
  unit: string;
  points: ApiPoint[];
}

export interface ThresholdCrossing {
  limit: number;
  direction: 'above' | 'below';
  at?: number;
  earliest?: number;
  latest?: number;
}

export interface Forecast {
  entity: string;
  signal: string;
  unit: string;
  model: string;
  /** Coverage of the interval, e.g. 0.9. */
  level: number;
  stepMs: number;
  points: Array<{ t: number; v: number | null; lower: number | null; upper: number | null }>;
  threshold?: ThresholdCrossing;
}

export interface AnomalyEvent {
  entity: string;
  signal: string;
  t: number;
  score: number;
  value: number | null;
}

export interface MovedSignal {
  entity: string;
  metric: string;
  strength: number;
  onset: number | null;
  correlation: number;
  lag: number;
}

export interface RootCauseCandidate {
  entity: string;
  score: number;
  /** Cause first, symptom last. */
  path: string[];
  anomalous: boolean;
  onset?: number | null;
  explainedBy?: string;
  explains: string[];
  signals: MovedSignal[];
}

export interface Kpis {
  itEnergyKwh: number;
  coolingEnergyKwh: number;
  pue: number;
  carbonKg: number;
  meanItPowerWatts: number;
  meanCoolingPowerWatts: number;
  peakInletCelsius: number;
  errorBudgetBurn: Record<string, number>;
}

export interface PredictedSeries {
  entity: string;
  signal: string;
  unit: string;
  baseline: Array<number | null>;
  predicted: Array<number | null>;
  bands?: { p5: Array<number | null>; p50: Array<number | null>; p95: Array<number | null> };
}

export interface PredictedViolation {
  kind: string;
  entity: string;
  signal: string;
  limit: number;
  onset: number;
  peak: number;
  /** When the baseline crosses the same limit, or null: the violation is the scenario's own. */
  baselineOnset: number | null;
}

export interface SimulationResult {
  start: number;
  stepSeconds: number;
  timestamps: number[];
  series: PredictedSeries[];
  violations: PredictedViolation[];
  kpis: { baseline: Kpis; predicted: Kpis; bands?: Record<string, { p5: number; p50: number; p95: number }> };
  affected: { entities: string[]; relations: Array<{ from: string; to: string; type: string }> };
  unmodelled: string[];
}

export interface SimulationJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  scenarioName?: string;
  submittedAt: number;
  finishedAt?: number;
  error?: string;
  result?: SimulationResult;
}

/** A named scenario as saved by PUT /api/v1/scenarios/{name}. */
export interface SavedScenario {
  name: string;
  /** 1 on creation, +1 on every save under the same name. */
  version: number;
  updatedAt: number;
  updatedBy: string;
  /** The scenario JSON as it was saved (validated by the collector first). */
  scenario: Record<string, unknown>;
}

/** One of the entities' latest WARN-or-worse log events (GET /api/v1/events). */
export interface EntityLogEvent extends ApiEvent {
  entity: string;
}

export interface AuditRecord {
  seq: number;
  t: number;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

export interface CollectorStatus {
  name: string;
  version: string;
  api: string;
}

export interface Items<T> {
  items: T[];
}
