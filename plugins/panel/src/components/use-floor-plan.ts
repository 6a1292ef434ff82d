import { useEffect, useState } from 'react';
import type { TwinClient } from '@twinops/datasource/src/api';
import { floorPlan, graphFromTopology, type FloorPlan } from '../model';

export interface FloorPlanState {
  plan?: FloorPlan;
  loading: boolean;
  error?: string;
}

/**
 * The floor plan from the infrastructure graph, fetched again whenever `refreshKey` changes (the
 * panel's data: a dashboard refresh refreshes the floor too). The last plan stays while the next loads.
 */
export function useFloorPlan(client: TwinClient | undefined, refreshKey: unknown, enabled = true): FloorPlanState {
  // What the last answer was for: loading is "the last answer is not for the current key".
  const [state, setState] = useState<{ plan?: FloorPlan; error?: string; key?: unknown }>({});
  useEffect(() => {
    if (!client || !enabled) {
      return undefined;
    }
    const abort = new AbortController();
    client
      .topology({ view: 'infra' }, { signal: abort.signal })
      .then((topology) => {
        if (!abort.signal.aborted) {
          setState({ plan: floorPlan(graphFromTopology(topology)), key: refreshKey });
        }
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) {
          setState((s) => ({ plan: s.plan, error: messageOf(error), key: refreshKey }));
        }
      });
    return () => abort.abort();
  }, [client, refreshKey, enabled]);
  return { plan: state.plan, error: state.error, loading: enabled && client !== undefined && state.key !== refreshKey };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
