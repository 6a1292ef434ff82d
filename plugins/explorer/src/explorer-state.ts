/**
 * What the explorer's controls choose, kept in the page's query string so a view can be linked to
 * and reloaded (`/ui/?view=floor&whatif=1&theme=light`); browser tests open views the same way.
 */
import { useCallback, useState } from 'react';
import type { PanelView } from '@twinops/panel/src/types';
import { TOPOLOGY_VIEWS, type TopologyView } from '@twinops/datasource/src/types';

export type ThemeMode = 'dark' | 'light';

export interface ExplorerState {
  view: PanelView;
  topology: TopologyView;
  whatIf: boolean;
  theme: ThemeMode;
}

export type UpdateState = (patch: Partial<ExplorerState>) => void;

export const DEFAULT_STATE: ExplorerState = { view: 'topology', topology: 'services', whatIf: false, theme: 'dark' };

/** The state in `search`; unknown or missing values fall back to the defaults. */
export function readState(search: string): ExplorerState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const topology = params.get('topology');
  return {
    view: view === 'floor' || view === 'topology' ? view : DEFAULT_STATE.view,
    topology: TOPOLOGY_VIEWS.find((v) => v === topology) ?? DEFAULT_STATE.topology,
    whatIf: params.get('whatif') === '1',
    theme: params.get('theme') === 'light' ? 'light' : DEFAULT_STATE.theme,
  };
}

/** The query string of `state`, naming only what differs from the defaults. */
export function writeState(state: ExplorerState): string {
  const params = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) {
    params.set('view', state.view);
  }
  if (state.topology !== DEFAULT_STATE.topology) {
    params.set('topology', state.topology);
  }
  if (state.whatIf) {
    params.set('whatif', '1');
  }
  if (state.theme !== DEFAULT_STATE.theme) {
    params.set('theme', state.theme);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The state, read once from the URL and written back (without a history entry) on every change. */
export function useExplorerState(): [ExplorerState, UpdateState] {
  const [state, setState] = useState(() => readState(window.location.search));
  const update = useCallback((patch: Partial<ExplorerState>) => {
    setState((previous) => {
      const next = { ...previous, ...patch };
      window.history.replaceState(null, '', `${window.location.pathname}${writeState(next)}`);
      return next;
    });
  }, []);
  return [state, update];
}
