/** A PetShop issue's `target.json`: the symptom (node, metric, statistic, unix time) and the true root-cause node. */

export interface PetshopTarget {
  node: string;
  metric: string;
  /** The statistic of the metric, e.g. "Average". */
  agg: string;
  timestamp: number;
  rootCause: string;
}

/** Parses the file's text; errors name the file and the JSON field. */
export function parsePetshopTarget(text: string, file: string): PetshopTarget {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON: ${(e as Error).message}`);
  }
  const field = (path: string[]): unknown => path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), raw);
  const text_ = (path: string[]): string => {
    const v = field(path);
    if (typeof v !== 'string' || v === '') throw new Error(`${file}: ${path.join('.')}: must be a non-empty string, got ${JSON.stringify(v) ?? 'nothing'}`);
    return v;
  };
  const timestamp = field(['target', 'timestamp']);
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) throw new Error(`${file}: target.timestamp: must be a number, got ${JSON.stringify(timestamp) ?? 'nothing'}`);
  return {
    node: text_(['target', 'node']),
    metric: text_(['target', 'metric']),
    agg: text_(['target', 'agg']),
    timestamp,
    rootCause: text_(['root_cause', 'node']),
  };
}
