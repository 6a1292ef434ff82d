import type { ShopCatalog, ShopStep } from '../shop';

/** A service over the last step, as its server side saw it: the truth a twin's service figures are compared with. */
export interface ServiceTruth {
  name: string;
  instances: number;
  instancesUp: number;
  /** Requests of all its operations (HTTP and queue consumers) per second. */
  requestsPerSecond: number;
  errorRatio: number;
  /** Weighted 95th percentile of its server durations; null without a sampled request. */
  latencyP95Seconds: number | null;
}

/**
 * Per service of the catalog: rate, error ratio and p95 latency of one shop step. Each sampled
 * duration stands for requests / samples of its instance operation (as the histograms weight
 * them); the p95 is the smallest duration whose cumulative weight reaches 95 % of the total.
 */
export function serviceTruth(step: ShopStep | undefined, stepSeconds: number, catalog: ShopCatalog): ServiceTruth[] {
  return catalog.services.map(({ name }) => {
    const mine = step?.instances.filter((i) => i.service === name) ?? [];
    let requests = 0;
    let errors = 0;
    const weighted: Array<{ seconds: number; weight: number }> = [];
    for (const op of mine.flatMap((i) => i.operations)) {
      requests += op.requests;
      errors += op.errors;
      for (const s of op.latencySamples) weighted.push({ seconds: s.durationSeconds, weight: op.requests / op.latencySamples.length });
    }
    return {
      name,
      instances: mine.length,
      instancesUp: mine.filter((i) => i.up).length,
      requestsPerSecond: stepSeconds > 0 ? requests / stepSeconds : 0,
      errorRatio: requests > 0 ? errors / requests : 0,
      latencyP95Seconds: weightedQuantile(weighted, 0.95),
    };
  });
}

/** The smallest value whose cumulative weight reaches q of the total; null when nothing weighs. */
export function weightedQuantile(points: ReadonlyArray<{ seconds: number; weight: number }>, q: number): number | null {
  const sorted = points.filter((p) => p.weight > 0).sort((a, b) => a.seconds - b.seconds);
  const total = sorted.reduce((sum, p) => sum + p.weight, 0);
  if (total <= 0) return null;
  let cumulative = 0;
  for (const p of sorted) {
    cumulative += p.weight;
    if (cumulative >= q * total * (1 - 1e-12)) return p.seconds;
  }
  return sorted[sorted.length - 1].seconds;
}
