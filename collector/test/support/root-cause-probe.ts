/** Reads `GET /api/v1/rca` for the demo root-cause tests and prints a ranking readably. */
import type { RunningDemo } from '@twinops/demo';
import type { TestCollector } from './test-collector';

export interface RankedCauseBody {
  entity: string;
  score: number;
  onset: number | null;
  explainedBy?: string;
  signals: { entity: string; metric: string; strength: number }[];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ranking for a symptom now, its evidence reaching back to `since` (the start of the calm period). */
export async function rankNow(twin: TestCollector, entity: string, signal: string, since: number): Promise<RankedCauseBody[]> {
  const at = Date.now();
  const query = new URLSearchParams({ entity, signal, at: String(at), window: String(at - since) });
  const { status, body } = await twin.getJson<{ items: RankedCauseBody[] }>(`/api/v1/rca?${query.toString()}`);
  if (status !== 200) throw new Error(`GET /api/v1/rca answered ${status}: ${JSON.stringify(body)}`);
  return body.items;
}

/** The top of a ranking as lines, onsets in seconds from `t0`, so that a failed assertion shows why. */
export function topOf(items: RankedCauseBody[], t0: number, n = 4): string[] {
  return items.slice(0, n).map((c) => {
    const s = c.signals[0];
    const signal = s === undefined ? '' : ` ${s.entity === c.entity ? '' : `${s.entity} `}${s.metric} z=${s.strength.toFixed(1)}`;
    const onset = c.onset === null ? '' : ` from ${((c.onset - t0) / 1000).toFixed(1)} s`;
    return `${c.entity} ${c.score.toFixed(3)}${onset}${c.explainedBy ? ` (by ${c.explainedBy})` : ''}${signal}`;
  });
}

/** The demo's ground truth for its active fault `fault` on `target`: the entity it breaks. */
export function trueRootCause(demo: RunningDemo, fault: string, target: string): string {
  const found = demo.simulation.truth().faults.find((f) => f.fault === fault && f.target === target);
  if (!found) throw new Error(`no active ${fault} on ${target}`);
  return found.rootCause;
}

/**
 * After `calmMs` of normal operation, injects `fault` on `target`, waits `evidenceMs`, ranks the
 * causes of `signal` on `entity` (evidence back to the calm period's start) and clears the fault.
 */
export async function rankAfterFault(
  twin: TestCollector,
  demo: RunningDemo,
  c: { fault: string; target: string; entity: string; signal: string },
  timing: { calmMs: number; evidenceMs: number },
): Promise<{ truth: string; items: RankedCauseBody[]; injectedAt: number }> {
  const since = Date.now();
  await sleep(timing.calmMs);
  const injectedAt = Date.now();
  const record = demo.simulation.inject(c.fault, c.target);
  const truth = trueRootCause(demo, c.fault, c.target);
  await sleep(timing.evidenceMs);
  const items = await rankNow(twin, c.entity, c.signal, since);
  demo.simulation.clear(record.id);
  return { truth, items, injectedAt };
}
