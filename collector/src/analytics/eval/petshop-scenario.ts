/**
 * Reads a PetShop scenario folder (e.g. `low_traffic/`): `graph.csv`, `noissue/metrics.csv` and
 * every issue folder under `test/` and `train/` with its `metrics.csv` and `target.json`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DependencyEdge, MetricSeries, NodeSignals } from '../rca';
import { parsePetshopGraph, parsePetshopMetrics } from './petshop-csv';
import type { PetshopMetrics } from './petshop-csv';
import { parsePetshopTarget } from './petshop-target';
import type { PetshopTarget } from './petshop-target';

export interface PetshopIssue {
  /** The issue folder relative to the scenario folder, e.g. "test/issue_3". */
  key: string;
  metrics: PetshopMetrics;
  target: PetshopTarget;
}

export interface PetshopScenario {
  edges: DependencyEdge[];
  normal: PetshopMetrics;
  issues: PetshopIssue[];
}

const SPLITS = ['test', 'train'];

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Issue folders in natural order (issue_2 before issue_10). */
const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function readPetshopScenario(dir: string): PetshopScenario {
  const graphFile = join(dir, 'graph.csv');
  const edges = parsePetshopGraph(read(graphFile), graphFile);
  const normalFile = join(dir, 'noissue', 'metrics.csv');
  const normal = parsePetshopMetrics(read(normalFile), normalFile);
  const splits = SPLITS.filter((s) => existsSync(join(dir, s)));
  if (splits.length === 0) throw new Error(`${dir}: no test/ or train/ folder of issues`);
  const issues: PetshopIssue[] = [];
  for (const split of splits) {
    const names = readdirSync(join(dir, split)).filter((n) => !n.startsWith('.') && statSync(join(dir, split, n)).isDirectory()).sort(natural);
    for (const name of names) {
      const metricsFile = join(dir, split, name, 'metrics.csv');
      const targetFile = join(dir, split, name, 'target.json');
      issues.push({ key: `${split}/${name}`, metrics: parsePetshopMetrics(read(metricsFile), metricsFile), target: parsePetshopTarget(read(targetFile), targetFile) });
    }
  }
  return { edges, normal, issues };
}

/** The metric name a column goes by in the ranking: "latency.Average", "availability.Average", "requests.Sum". */
export const signalName = (metric: string, statistic: string) => `${metric}.${statistic}`;

/** The metrics as per-node signals, keeping only the metrics `keep` accepts. */
export function toNodeSignals(m: PetshopMetrics, keep: (metric: string, statistic: string) => boolean = () => true): NodeSignals {
  const out = new Map<string, Map<string, MetricSeries>>();
  for (const c of m.columns) {
    if (!keep(c.metric, c.statistic)) continue;
    if (!out.has(c.node)) out.set(c.node, new Map());
    out.get(c.node)!.set(signalName(c.metric, c.statistic), { timestamps: m.timestamps, values: c.values });
  }
  return out;
}
