/** The shapes a root-cause ranking reads and returns. */

/** One dependency: `from` needs `to` (a caller and its callee, a service and its host, a host and its rack). */
export interface DependencyEdge {
  from: string;
  to: string;
}

/** Samples of one signal: parallel arrays, timestamps ascending; NaN marks a missing value. */
export interface MetricSeries {
  timestamps: readonly number[];
  values: readonly number[];
}

/** Per node, its signals by metric name. */
export type NodeSignals = ReadonlyMap<string, ReadonlyMap<string, MetricSeries>>;

/** What was seen: a signal of a node misbehaving at a time (same unit as the series' timestamps). */
export interface Symptom {
  node: string;
  metric: string;
  at: number;
}

/** The fixed settings of the ranking; `defaultRcaOptions()` documents each. */
export interface RcaOptions {
  /** |robust z| at or above which a sample counts as anomalous. */
  threshold: number;
  /** Largest lead (in samples) of a candidate's signal over the symptom's tried by the correlation. */
  maxLagSamples: number;
  /** Fewest present reference samples for the reference to set level and scale. */
  minReferenceSamples: number;
}

export interface RcaInput {
  edges: readonly DependencyEdge[];
  /** The incident window: every node's signals around the symptom time. */
  signals: NodeSignals;
  symptom: Symptom;
  /** Normal operation, same nodes and metrics; without it the samples before `symptom.at` are the reference. */
  reference?: NodeSignals;
  options?: Partial<RcaOptions>;
}

/** A signal of a candidate that moved: how far, since when, and how closely it led the symptom. */
export interface MovedSignal {
  metric: string;
  /** |robust z| at the analysed sample, after removing an offset already present before the symptom. */
  strength: number;
  /** Timestamp of the first sample of the anomalous run that holds the analysed sample; NaN if not anomalous. */
  onset: number;
  /** |Pearson| of the differenced signal against the symptom's, at the best lag (0 when not computable). */
  correlation: number;
  /** How far the signal leads the symptom's at that correlation, in timestamp units. */
  lag: number;
}

export interface RankedCause {
  node: string;
  score: number;
  /** Cause first, symptom node last, following dependencies backwards (callee to caller). */
  path: string[];
  /** The candidate's signals, strongest first (all of them when none crossed the threshold). */
  signals: MovedSignal[];
  anomalous: boolean;
  /** Earliest onset among the candidate's anomalous signals; NaN if none. */
  onset: number;
  /** The anomalous dependency that began no later than this node and so explains it, if any. */
  explainedBy?: string;
  /** Anomalous nodes whose anomaly this candidate accounts for (itself included). */
  explains: string[];
}
