import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, Input, useStyles2, useTheme2 } from '@grafana/ui';
import { focusGraph, layeredLayout, searchNodes, type Point, type TopologyGraph } from '../model';
import { edgeGroups } from './edge-paths';
import { NodeGlyph } from './NodeGlyph';
import type { Overlay } from './overlay';
import { errorClassColor } from './palette';
import { useViewBox } from './use-view-box';

export interface TopologyViewProps {
  graph: TopologyGraph;
  width: number;
  height: number;
  showLabels: boolean;
  selected?: string;
  onSelect: (id: string) => void;
  overlay?: Overlay;
}

// Below this many screen pixels per world unit titles would overlap into noise (and cost 2,000 text nodes).
const LABEL_MIN_SCALE = 0.5;
// A pointer that moved less than this is a click, not a drag.
const DRAG_THRESHOLD = 3;
const CONTROLS_HEIGHT = 40;

interface Drag {
  kind: 'node' | 'pan';
  id?: string;
  lastX: number;
  lastY: number;
  moved: number;
  point?: Point;
}

/** The service and infrastructure graph: layered, pannable, zoomable, searchable, with focus and pinning. */
export function TopologyView({ graph, width, height, showLabels, selected, onSelect, overlay }: TopologyViewProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const [search, setSearch] = useState('');
  const [focus, setFocus] = useState<string | undefined>();
  const [depth, setDepth] = useState(2);
  const [pinned, setPinned] = useState<ReadonlyMap<string, Point>>(new Map());
  const [drag, setDrag] = useState<Drag | undefined>();
  const suppressClick = useRef(false);
  const previous = useRef<ReadonlyMap<string, Point> | undefined>(undefined);

  const visible = useMemo(
    () => (focus && graph.nodes.some((n) => n.id === focus) ? focusGraph(graph, focus, depth) : graph),
    [graph, focus, depth]
  );
  // The layout depends on the graph and the pins only; the last positions keep known nodes where they were.
  const layout = useMemo(() => layeredLayout(visible, { previous: previous.current, pinned }), [visible, pinned]);
  useEffect(() => {
    previous.current = layout.positions;
  }, [layout]);

  const viewport = useMemo(() => ({ width, height: Math.max(1, height - CONTROLS_HEIGHT) }), [width, height]);
  const content = useMemo(() => ({ width: layout.width, height: layout.height }), [layout.width, layout.height]);
  const { box, svgRef, panBy, zoomBy, centreOn, fit, toWorld, scale } = useViewBox(content, viewport);

  const matches = useMemo(() => (search.trim() === '' ? [] : searchNodes(visible, search.trim())), [visible, search]);
  const matchSet = useMemo(() => new Set(matches), [matches]);
  const best = matches[0];
  useEffect(() => {
    const p = best === undefined ? undefined : layout.positions.get(best);
    if (p) {
      centreOn(p);
    }
    // Centre when the best match changes, not when the layout refreshes under the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [best, centreOn]);

  // Only a node drag moves positions; panning leaves the edge paths alone.
  const draggedId = drag?.kind === 'node' ? drag.id : undefined;
  const draggedPoint = drag?.kind === 'node' ? drag.point : undefined;
  const position = useCallback(
    (id: string) => (id === draggedId && draggedPoint ? draggedPoint : layout.positions.get(id)),
    [draggedId, draggedPoint, layout]
  );
  const groups = useMemo(() => edgeGroups(visible.edges, position), [visible.edges, position]);
  const violated = useMemo(() => new Set(overlay ? [...overlay.violations.keys()] : []), [overlay]);

  const onDragStart = useCallback((id: string, event: React.PointerEvent) => {
    event.stopPropagation();
    setDrag({ kind: 'node', id, lastX: event.clientX, lastY: event.clientY, moved: 0 });
  }, []);
  const onPointerDown = (event: React.PointerEvent) =>
    setDrag({ kind: 'pan', lastX: event.clientX, lastY: event.clientY, moved: 0 });
  const onPointerMove = (event: React.PointerEvent) => {
    if (!drag) {
      return;
    }
    const dx = event.clientX - drag.lastX;
    const dy = event.clientY - drag.lastY;
    const moved = drag.moved + Math.abs(dx) + Math.abs(dy);
    if (drag.kind === 'pan') {
      panBy(dx, dy);
      setDrag({ ...drag, lastX: event.clientX, lastY: event.clientY, moved });
      return;
    }
    const from = drag.point ?? layout.positions.get(drag.id ?? '');
    if (from) {
      const d = toWorld(dx, dy);
      setDrag({
        ...drag,
        lastX: event.clientX,
        lastY: event.clientY,
        moved,
        point: { x: from.x + d.x, y: from.y + d.y },
      });
    }
  };
  const onPointerUp = () => {
    if (drag?.kind === 'node' && drag.id && drag.point && drag.moved >= DRAG_THRESHOLD) {
      // A dragged node stays where it was dropped: it is pinned, and the layout works around it.
      const id = drag.id;
      const point = drag.point;
      setPinned((pins) => new Map(pins).set(id, point));
      suppressClick.current = true;
    }
    setDrag(undefined);
  };
  const select = useCallback(
    (id: string) => {
      if (suppressClick.current) {
        suppressClick.current = false;
        return;
      }
      onSelect(id);
    },
    [onSelect]
  );

  const labels = showLabels && scale >= LABEL_MIN_SCALE;
  // Nodes outside the viewBox are not drawn: zoomed in on a large graph, only what is seen costs.
  const pad = 60;
  const inView = (p: Point) =>
    p.x >= box.x - pad && p.x <= box.x + box.w + pad && p.y >= box.y - pad && p.y <= box.y + box.h + pad;

  return (
    <div className={styles.wrapper}>
      <div className={styles.controls}>
        <Input
          width={24}
          placeholder="Search nodes"
          aria-label="Search nodes"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && best !== undefined) {
              onSelect(best);
            }
          }}
          suffix={search.trim() === '' ? undefined : `${matches.length} found`}
        />
        <Button size="sm" variant="secondary" disabled={!selected} onClick={() => setFocus(selected)}>
          Focus on selected
        </Button>
        <Input
          width={8}
          type="number"
          min={1}
          max={8}
          aria-label="Depth"
          title="Depth: how many hops around the focus to show"
          value={depth}
          onChange={(e) => setDepth(Math.max(1, Math.min(8, Number(e.currentTarget.value) || 1)))}
        />
        {focus && (
          <Button size="sm" variant="secondary" onClick={() => setFocus(undefined)}>
            Show all
          </Button>
        )}
        {pinned.size > 0 && (
          <Button size="sm" variant="secondary" onClick={() => setPinned(new Map())}>
            Unpin {pinned.size}
          </Button>
        )}
        <Button size="sm" variant="secondary" icon="search-plus" aria-label="Zoom in" onClick={() => zoomBy(1.25)} />
        <Button size="sm" variant="secondary" icon="search-minus" aria-label="Zoom out" onClick={() => zoomBy(0.8)} />
        <Button size="sm" variant="secondary" icon="expand-arrows" aria-label="Fit to view" onClick={fit} />
      </div>
      <svg
        ref={svgRef}
        width={viewport.width}
        height={viewport.height}
        viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
        role="group"
        aria-label={`Topology: ${visible.nodes.length} nodes, ${visible.edges.length} edges`}
        className={styles.svg}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={onPointerUp}
      >
        <g>
          {groups.map((g) => (
            <path
              key={g.key}
              d={g.d}
              fill="none"
              stroke={errorClassColor(theme, g.errorClass)}
              strokeWidth={g.width}
              strokeOpacity={0.7}
              data-error-class={g.errorClass}
              data-edges={g.ids.join(' ')}
            />
          ))}
        </g>
        <g>
          {visible.nodes.map((node) => {
            const p = position(node.id);
            if (!p || (!inView(p) && node.id !== selected)) {
              return null;
            }
            return (
              <NodeGlyph
                key={node.id}
                node={node}
                x={p.x}
                y={p.y}
                label={labels}
                selected={node.id === selected}
                highlighted={matchSet.has(node.id)}
                violated={violated.has(node.id)}
                onSelect={select}
                onDragStart={onDragStart}
              />
            );
          })}
        </g>
      </svg>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ display: 'flex', flexDirection: 'column', height: '100%' }),
  controls: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    height: CONTROLS_HEIGHT,
    flexShrink: 0,
  }),
  svg: css({ touchAction: 'none', userSelect: 'none', cursor: 'grab' }),
});
