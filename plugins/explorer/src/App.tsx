import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { EventBusSrv, LoadingState, ThemeContext, createTheme, rangeUtil, type GrafanaTheme2 } from '@grafana/data';
import { GlobalStyles, useStyles2 } from '@grafana/ui';
import type { DataSource } from '@twinops/datasource/src/datasource';
import { PanelHost } from './PanelHost';
import { Toolbar } from './Toolbar';
import { useExplorerState, type ExplorerState, type UpdateState } from './explorer-state';
import { usePanelData } from './use-panel-data';
import { useRefreshingRange } from './use-refreshing-range';

const RANGE_MINUTES = 15;
const DEFAULT_REFRESH = '10s';

/** The explorer: Grafana's theme around a toolbar and the TwinOps panel filling the rest of the window. */
export function App({ datasource }: { datasource: DataSource }) {
  const [state, update] = useExplorerState();
  const theme = useMemo(() => createTheme({ colors: { mode: state.theme } }), [state.theme]);
  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <Explorer datasource={datasource} state={state} update={update} />
    </ThemeContext.Provider>
  );
}

interface ExplorerProps {
  datasource: DataSource;
  state: ExplorerState;
  update: UpdateState;
}

function Explorer({ datasource, state, update }: ExplorerProps) {
  const styles = useStyles2(getStyles);
  const [refreshInterval, setRefreshInterval] = useState(DEFAULT_REFRESH);
  const intervalMs = refreshInterval === '' ? 0 : rangeUtil.intervalToMs(refreshInterval);
  const [range, refresh] = useRefreshingRange(RANGE_MINUTES, intervalMs);
  const data = usePanelData(datasource, state.topology, range);
  const eventBus = useMemo(() => new EventBusSrv(), []);
  return (
    <div className={styles.page}>
      <Toolbar
        state={state}
        onChange={update}
        refreshInterval={refreshInterval}
        onRefreshInterval={setRefreshInterval}
        onRefresh={refresh}
        loading={data.state === LoadingState.Loading}
        rangeLabel={`Last ${RANGE_MINUTES} minutes`}
      />
      <main className={styles.main}>
        <PanelHost data={data} range={range} view={state.view} whatIf={state.whatIf} eventBus={eventBus} />
      </main>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', height: '100vh', background: theme.colors.background.canvas }),
  main: css({ flex: 1, minHeight: 0, padding: theme.spacing(1, 2) }),
});
