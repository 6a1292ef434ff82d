import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { IconButton, InlineField, InlineSwitch, RadioButtonGroup, RefreshPicker, useStyles2 } from '@grafana/ui';
import type { PanelView } from '@twinops/panel/src/types';
import type { TopologyView } from '@twinops/datasource/src/types';
import type { ExplorerState } from './explorer-state';

export interface ToolbarProps {
  state: ExplorerState;
  onChange: (patch: Partial<ExplorerState>) => void;
  refreshInterval: string;
  onRefreshInterval: (interval: string) => void;
  onRefresh: () => void;
  loading: boolean;
  rangeLabel: string;
}

const VIEWS = [
  { value: 'topology' as PanelView, label: 'Topology' },
  { value: 'floor' as PanelView, label: 'Floor' },
];
const TOPOLOGIES = [
  { value: 'services' as TopologyView, label: 'Services' },
  { value: 'infra' as TopologyView, label: 'Infrastructure' },
  { value: 'all' as TopologyView, label: 'All' },
];
export const REFRESH_INTERVALS = ['5s', '10s', '30s', '1m', '5m'];

/** The explorer's header: which view, which graph, what-if mode, refresh and theme. */
export function Toolbar({ state, onChange, refreshInterval, onRefreshInterval, onRefresh, loading, rangeLabel }: ToolbarProps) {
  const styles = useStyles2(getStyles);
  const nextTheme = state.theme === 'dark' ? 'light' : 'dark';
  return (
    <header className={styles.bar}>
      <h1 className={styles.title}>TwinOps</h1>
      <RadioButtonGroup<PanelView> aria-label="View" options={VIEWS} value={state.view} onChange={(view) => onChange({ view })} />
      <RadioButtonGroup<TopologyView>
        aria-label="Topology"
        options={TOPOLOGIES}
        value={state.topology}
        // The floor is read from the entities, not from the topology query.
        disabled={state.view !== 'topology'}
        onChange={(topology) => onChange({ topology })}
      />
      <InlineField label="What-if" transparent>
        <InlineSwitch
          aria-label="What-if mode"
          value={state.whatIf}
          onChange={(event) => onChange({ whatIf: event.currentTarget.checked })}
        />
      </InlineField>
      <span className={styles.spacer} />
      <span className={styles.range} aria-label="Time range">
        {rangeLabel}
      </span>
      <RefreshPicker
        value={refreshInterval}
        intervals={REFRESH_INTERVALS}
        onIntervalChanged={onRefreshInterval}
        onRefresh={onRefresh}
        isLoading={loading}
        tooltip="Refresh the twin"
      />
      <IconButton
        name="adjust-circle"
        size="lg"
        tooltip={`Switch to the ${nextTheme} theme`}
        onClick={() => onChange({ theme: nextTheme })}
      />
    </header>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 2),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    background: theme.colors.background.primary,
  }),
  title: css({ margin: theme.spacing(0, 2, 0, 0), fontSize: theme.typography.h4.fontSize }),
  spacer: css({ flex: 1 }),
  range: css({ color: theme.colors.text.secondary }),
});
