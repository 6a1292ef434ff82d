import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, IconButton, useStyles2 } from '@grafana/ui';
import type { FloorRack } from '../model';
import { formatMetric } from './floor-format';

export interface ServerListProps {
  rack: FloorRack;
  selected?: string;
  onSelect: (id: string) => void;
  onClose: () => void;
}

/** A rack opened on the floor: its servers with inlet and power; a server opens its details. */
export function ServerList({ rack, selected, onSelect, onClose }: ServerListProps) {
  const styles = useStyles2(getStyles);
  return (
    <section className={styles.box} aria-label={`Servers in rack ${rack.name}`}>
      <div className={styles.header}>
        <strong>Rack {rack.name}</strong>
        <span className={styles.muted}>
          {formatMetric('power', rack.powerWatts)} of {formatMetric('power', rack.capacityWatts)}
        </span>
        <Button size="sm" variant="secondary" fill="text" onClick={() => onSelect(rack.id)}>
          Rack details
        </Button>
        <IconButton name="times" aria-label="Close rack" onClick={onClose} />
      </div>
      {rack.servers.length === 0 ? (
        <p className={styles.muted}>No servers in this rack.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Server</th>
              <th>Inlet</th>
              <th>Power</th>
            </tr>
          </thead>
          <tbody>
            {rack.servers.map((s) => (
              <tr key={s.id} aria-selected={s.id === selected}>
                <td>
                  <Button size="sm" variant="secondary" fill="text" onClick={() => onSelect(s.id)}>
                    {s.name}
                  </Button>
                </td>
                <td>{formatMetric('inlet', s.inletCelsius)}</td>
                <td>{formatMetric('power', s.powerWatts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1),
  }),
  header: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  muted: css({ color: theme.colors.text.secondary }),
  table: css({ width: '100%', 'th, td': { textAlign: 'left', padding: theme.spacing(0.25, 1) } }),
});
