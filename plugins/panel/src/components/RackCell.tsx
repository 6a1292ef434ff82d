import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { rackLevel, rackValue, type FloorMetric, type FloorRack, type FloorThresholds } from '../model';
import { formatMetric } from './floor-format';
import { formatOnset, rackViolations, type Overlay } from './overlay';
import { levelColor } from './palette';

export interface RackCellProps {
  rack: FloorRack;
  metric: FloorMetric;
  thresholds: FloorThresholds;
  /** Outlined: the hovered or focused CRAC cools this rack. */
  outlined: boolean;
  selected: boolean;
  overlay?: Overlay;
  onOpen: (rack: FloorRack) => void;
}

/** One rack on the floor: coloured by its level, marked as a hot spot, with the predicted onset when a what-if says so. */
export function RackCell({ rack, metric, thresholds, outlined, selected, overlay, onOpen }: RackCellProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const level = rackLevel(rack, metric, thresholds);
  const value = formatMetric(metric, rackValue(rack, metric));
  const violations = rackViolations(rack, overlay);
  const onset = violations.length > 0 && overlay ? formatOnset(violations[0].onset, overlay.start) : undefined;
  const hot = level === 'crit' || onset !== undefined;
  return (
    <button
      type="button"
      className={cx(styles.rack, outlined && styles.outlined, selected && styles.selected)}
      style={{ background: levelColor(theme, level) }}
      data-rack={rack.id}
      data-level={level}
      data-hot={hot ? 'true' : undefined}
      data-outlined={outlined ? 'true' : undefined}
      aria-pressed={selected}
      aria-label={`Rack ${rack.name}: ${value}, ${level}${onset ? `, predicted violation at ${onset}` : ''}`}
      title={`${rack.name}: ${value}`}
      onClick={() => onOpen(rack)}
    >
      <span className={styles.name}>{rack.name}</span>
      {hot && (
        <span className={styles.hot} aria-hidden>
          {onset ?? '▲'}
        </span>
      )}
    </button>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  rack: css({
    position: 'relative',
    width: 56,
    height: 40,
    border: `2px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    color: theme.colors.background.primary,
    fontSize: theme.typography.bodySmall.fontSize,
    cursor: 'pointer',
    padding: 2,
    overflow: 'hidden',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 2 },
  }),
  outlined: css({ border: `2px dashed ${theme.colors.primary.main}`, boxShadow: theme.shadows.z2 }),
  selected: css({ border: `2px solid ${theme.colors.text.primary}` }),
  name: css({ display: 'block', whiteSpace: 'nowrap', textOverflow: 'ellipsis', overflow: 'hidden' }),
  hot: css({ display: 'block', fontWeight: theme.typography.fontWeightBold }),
});
