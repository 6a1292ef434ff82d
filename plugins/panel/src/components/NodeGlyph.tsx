import React, { memo } from 'react';
import { useTheme2 } from '@grafana/ui';
import type { GraphNode, Health } from '../model';
import { healthColor } from './palette';

export const NODE_RADIUS = 18;
const RING = NODE_RADIUS + 4;
const CIRCUMFERENCE = 2 * Math.PI * RING;
const ORDER: Health[] = ['ok', 'degraded', 'failing', 'unknown'];

export interface NodeGlyphProps {
  node: GraphNode;
  x: number;
  y: number;
  label: boolean;
  selected: boolean;
  highlighted: boolean;
  /** Predicted violations on this node (what-if overlay). */
  violated: boolean;
  onSelect: (id: string) => void;
  onDragStart: (id: string, event: React.PointerEvent) => void;
}

/** One node: a disc with its health as ring arcs, its title below; focusable, Enter or Space selects. */
export const NodeGlyph = memo(function NodeGlyph(props: NodeGlyphProps) {
  const { node, x, y, label, selected, highlighted, violated, onSelect, onDragStart } = props;
  const theme = useTheme2();
  const arcs: React.ReactNode[] = [];
  let offset = 0;
  for (const h of ORDER) {
    const length = node.healthFractions[h] * CIRCUMFERENCE;
    if (length > 0) {
      arcs.push(
        <circle
          key={h}
          r={RING}
          fill="none"
          stroke={healthColor(theme, h)}
          strokeWidth={4}
          strokeDasharray={`${length} ${CIRCUMFERENCE}`}
          strokeDashoffset={-offset}
          transform="rotate(-90)"
        />
      );
      offset += length;
    }
  }
  return (
    <g
      transform={`translate(${x},${y})`}
      role="button"
      tabIndex={0}
      aria-label={`${node.title} (${node.type}), health ${node.health}`}
      aria-pressed={selected}
      data-node={node.id}
      data-health={node.health}
      data-highlighted={highlighted ? 'true' : undefined}
      style={{ cursor: 'pointer', outline: 'none' }}
      onClick={() => onSelect(node.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(node.id);
        }
      }}
      onPointerDown={(event) => onDragStart(node.id, event)}
    >
      <title>{`${node.title}${node.mainstat ? ` · ${node.mainstat}` : ''}`}</title>
      {(selected || highlighted) && (
        <circle r={RING + 6} fill="none" stroke={theme.colors.primary.main} strokeWidth={highlighted ? 3 : 2} />
      )}
      {violated && (
        <circle r={RING + 10} fill="none" stroke={theme.colors.error.main} strokeWidth={2} strokeDasharray="4 3" />
      )}
      <circle r={NODE_RADIUS} fill={theme.colors.background.secondary} stroke={healthColor(theme, node.health)} />
      {arcs}
      {label && (
        <text y={RING + 14} textAnchor="middle" fontSize={12} fill={theme.colors.text.primary}>
          {node.title}
        </text>
      )}
    </g>
  );
});
