/** Top-k accuracy of root-cause rankings, per symptom metric and overall. */

export interface RankedIssue {
  /** The symptom's metric type ("latency", "availability"). */
  metric: string;
  /** 1-based rank of the true root cause; Infinity when it was not ranked. */
  rank: number;
}

export interface AccuracyRow {
  /** A metric type, or "overall". */
  group: string;
  issues: number;
  top1: number;
  top3: number;
}

/** One row per metric type (alphabetical), then "overall". */
export function accuracyByMetric(results: readonly RankedIssue[]): AccuracyRow[] {
  const row = (group: string, rs: readonly RankedIssue[]): AccuracyRow => ({
    group,
    issues: rs.length,
    top1: rs.length === 0 ? 0 : rs.filter((r) => r.rank <= 1).length / rs.length,
    top3: rs.length === 0 ? 0 : rs.filter((r) => r.rank <= 3).length / rs.length,
  });
  const metrics = [...new Set(results.map((r) => r.metric))].sort();
  return [...metrics.map((m) => row(m, results.filter((r) => r.metric === m))), row('overall', results)];
}

/** The table as printed: group, issue count, top-1 and top-3 with three decimals. */
export function formatAccuracy(rows: readonly AccuracyRow[]): string {
  const lines = [`${'metric'.padEnd(14)}${'issues'.padStart(6)}${'top-1'.padStart(8)}${'top-3'.padStart(8)}`];
  for (const r of rows) lines.push(`${r.group.padEnd(14)}${String(r.issues).padStart(6)}${r.top1.toFixed(3).padStart(8)}${r.top3.toFixed(3).padStart(8)}`);
  return `${lines.join('\n')}\n`;
}
