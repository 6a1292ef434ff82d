import type { RelationType, Topology, TwinReader } from '../../model';
import type { EntityHealth, HealthReason, HealthStatus, SignalAnalysis } from '../live';
import { defaultHealthOptions } from './health-rules';
import type { HealthOptions } from './health-rules';
import { ownHealth } from './own-health';
import type { GradedReason } from './own-health';

// Service-graph edges, caller -> callee: the caller depends on the callee.
const DEPENDENCY_TYPES: ReadonlySet<RelationType> = new Set<RelationType>(['calls', 'database', 'messaging']);

const SEVERITY: Record<HealthStatus, number> = { unknown: 0, ok: 0, degraded: 1, failing: 2 };

type Node = Topology['nodes'][number];

/** Where an entity's worst reason started: shown in the reasons of those above and before it. */
interface Origin {
  entity: string;
  message: string;
}

interface Computed {
  health: EntityHealth;
  origin: Origin | undefined;
}

/**
 * The health of every entity of the twin, from what analytics knows of their signals.
 *
 * Own reasons (own-health.ts): a flagged anomaly within the last few minutes is degraded with
 * score 1 - 0.5 x anomaly score; a forecast threshold crossing within the horizon is degraded
 * (0.5), failing (0) when at most 15 minutes ahead; a service's or flow's error ratio is degraded
 * (0.5) from 1 % and failing (0) from 5 %; a hw.status state is degraded or failing by its state.
 *
 * Roll-up: children are what an entity `contains` (site > room > row > rack > server > hw
 * components; a service's instances) and the services that are `part_of` a process twin;
 * dependencies are a service's callees (calls, database, messaging). A child or callee that is
 * degraded or failing adds one reason, `child` or `dependency`, degraded, with score
 * 1 - damping x (1 - its score) (damping 0.5): a failed PSU scores 0, its host 0.5, its rack
 * 0.75, its row 0.875. So the status says that something below or behind is wrong at every
 * level, and the score how near it is.
 *
 * An entity's score is the least of its reasons' (1 without any), its status the worst of their
 * statuses; without reasons it is ok, or unknown when neither it nor anything below or behind it
 * told anything. Reasons are kept worst first (lowest score), at most maxReasons.
 *
 * One depth-first pass, each entity and each relation visited once: O(entities + relations). A
 * cycle of calls is cut where the pass finds it closed (the callee still being computed adds
 * nothing), so no fault feeds back to itself.
 */
export function computeHealth(
  twin: TwinReader,
  analysisOf: (entity: string) => SignalAnalysis[],
  nowMs: number,
  options: HealthOptions = defaultHealthOptions(),
): Map<string, EntityHealth> {
  const { nodes, edges } = twin.topology();
  const byId = new Map<string, Node>();
  for (const node of nodes) byId.set(node.id, node);
  const children = new Map<string, string[]>();
  const callees = new Map<string, string[]>();
  for (const edge of edges) {
    if (!byId.has(edge.from) || !byId.has(edge.to) || edge.from === edge.to) continue;
    if (edge.type === 'contains') push(children, edge.from, edge.to);
    // A service is part_of a process twin: the process rolls up its services.
    else if (edge.type === 'part_of') push(children, edge.to, edge.from);
    else if (DEPENDENCY_TYPES.has(edge.type)) push(callees, edge.from, edge.to);
  }

  const done = new Map<string, Computed>();
  const started = new Set<string>();
  const compute = (id: string): Computed => {
    const node = byId.get(id) as Node;
    const own = ownHealth(node, analysisOf(id), nowMs, options);
    const reasons = own.reasons.map((r) => ({ ...r, origin: { entity: id, message: r.reason.message } }));
    let known = own.evidence;
    const below = (kind: 'child' | 'dependency', damping: number) => (otherId: string) => {
      const other = done.get(otherId);
      if (!other) return; // still being computed: a cycle, cut here
      if (other.health.status !== 'unknown') known = true;
      if (SEVERITY[other.health.status] === 0 || !other.origin) return;
      const origin = other.origin;
      const cause = origin.entity === otherId ? origin.message : `${origin.entity}: ${origin.message}`;
      const message = kind === 'child' ? `${otherId} ${other.health.status}: ${cause}` : `depends on ${otherId}, ${other.health.status}: ${cause}`;
      const reason: HealthReason = { kind, message, entity: otherId };
      reasons.push({ reason, status: 'degraded', score: 1 - damping * (1 - other.health.score), origin });
    };
    children.get(id)?.forEach(below('child', options.childDamping));
    callees.get(id)?.forEach(below('dependency', options.dependencyDamping));
    return summarize(reasons, known, options.maxReasons);
  };

  // Iterative post-order: a long chain of calls must not overflow the stack.
  for (const root of byId.keys()) {
    if (started.has(root)) continue;
    const stack: [string, boolean][] = [[root, false]];
    while (stack.length > 0) {
      const [id, expanded] = stack.pop() as [string, boolean];
      if (expanded) {
        done.set(id, compute(id));
        continue;
      }
      if (started.has(id)) continue;
      started.add(id);
      stack.push([id, true]);
      for (const next of [...(children.get(id) ?? []), ...(callees.get(id) ?? [])]) if (!started.has(next)) stack.push([next, false]);
    }
  }
  const result = new Map<string, EntityHealth>();
  for (const [id, computed] of done) result.set(id, computed.health);
  return result;
}

function summarize(reasons: (GradedReason & { origin: Origin })[], known: boolean, maxReasons: number): Computed {
  // Worst first: lowest score, then the graver status; ties keep their order (own reasons first).
  reasons.sort((a, b) => a.score - b.score || SEVERITY[b.status] - SEVERITY[a.status]);
  let status: HealthStatus = known || reasons.length > 0 ? 'ok' : 'unknown';
  for (const r of reasons) if (SEVERITY[r.status] > SEVERITY[status]) status = r.status;
  const score = reasons.length > 0 ? Math.min(1, Math.max(0, reasons[0].score)) : 1;
  return {
    health: { score, status, reasons: reasons.slice(0, maxReasons).map((r) => r.reason) },
    origin: reasons[0]?.origin,
  };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
