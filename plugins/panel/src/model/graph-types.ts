/** The panel's graph: what every view draws, whether it came from query frames or from the client. */

export type Health = 'ok' | 'degraded' | 'failing' | 'unknown';

export const HEALTH_STATES: readonly Health[] = ['ok', 'degraded', 'failing', 'unknown'];

export interface GraphNode {
  id: string;
  title: string;
  subtitle: string;
  type: string;
  level: string;
  health: Health;
  /** Fractions of ok, degraded, failing, unknown (the arc__* fields), summing to 1. */
  healthFractions: Record<Health, number>;
  mainstat?: string;
  secondarystat?: string;
  /** Numeric stats by name (requests_per_second, error_ratio, latency_p95_seconds, inlet_celsius, power_watts, …) when present. */
  stats: Record<string, number>;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  requestsPerSecond?: number;
  errorRatio?: number;
  mainstat?: string;
}

export interface TopologyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function isHealth(value: unknown): value is Health {
  return typeof value === 'string' && (HEALTH_STATES as readonly string[]).includes(value);
}

/** All of a node's ring in one state: the fallback when no fractions are known. */
export function wholeFractions(health: Health): Record<Health, number> {
  const fractions: Record<Health, number> = { ok: 0, degraded: 0, failing: 0, unknown: 0 };
  fractions[health] = 1;
  return fractions;
}
