import { layeredLayout } from './layered-layout';
import { graphOf, randomGraph } from './test-graphs';
import type { Point } from './layout-types';

const pos = (positions: Map<string, Point>) => Object.fromEntries(positions);

describe('layeredLayout', () => {
  it('stacks a chain, the shortcut edge not lifting the last node', () => {
    const layout = layeredLayout(graphOf(['a', 'b', 'c'], ['a->b', 'b->c', 'a->c']));
    expect(pos(layout.positions)).toEqual({ a: { x: 0, y: 0 }, b: { x: 0, y: 120 }, c: { x: 0, y: 240 } });
    expect([layout.left, layout.top, layout.width, layout.height]).toEqual([0, 0, 0, 240]);
  });

  it('orders a layer by the barycenter of its predecessors, removing the crossing', () => {
    const layout = layeredLayout(graphOf(['a', 'b', 'c', 'd'], ['a->d', 'b->c']));
    expect(pos(layout.positions)).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 160, y: 0 },
      d: { x: 0, y: 120 },
      c: { x: 160, y: 120 },
    });
  });

  it('centres narrower layers on the widest and honours the gaps', () => {
    const layout = layeredLayout(graphOf(['r', 'x', 'y', 'z'], ['r->x', 'r->y', 'r->z']), {
      nodeGap: 100,
      layerGap: 50,
    });
    expect(pos(layout.positions)).toEqual({
      r: { x: 100, y: 0 },
      x: { x: 0, y: 50 },
      y: { x: 100, y: 50 },
      z: { x: 200, y: 50 },
    });
    expect([layout.width, layout.height]).toEqual([200, 50]);
  });

  it('wraps a layer wider than maxPerRow onto more rows', () => {
    const layout = layeredLayout(graphOf(['r', 'x', 'y', 'z'], ['r->x', 'r->y', 'r->z']), { maxPerRow: 2 });
    expect(pos(layout.positions)).toEqual({
      r: { x: 80, y: 0 },
      x: { x: 0, y: 120 },
      y: { x: 160, y: 120 },
      z: { x: 80, y: 240 },
    });
  });

  it('reports the edges turned round to break cycles', () => {
    const layout = layeredLayout(graphOf(['a', 'b', 'c'], ['a->b', 'b->c', 'c->a']));
    expect([...layout.reversed]).toEqual(['c->a']);
    expect(pos(layout.positions)).toEqual({ a: { x: 0, y: 0 }, b: { x: 0, y: 120 }, c: { x: 0, y: 240 } });
  });

  it('does not depend on the order nodes and edges arrive in', () => {
    const one = layeredLayout(graphOf(['a', 'b', 'c', 'd', 'e'], ['a->c', 'b->d', 'a->e', 'b->c']));
    const two = layeredLayout(graphOf(['e', 'd', 'c', 'b', 'a'], ['b->c', 'a->e', 'b->d', 'a->c']));
    expect(pos(two.positions)).toEqual(pos(one.positions));
  });

  it('keeps previous positions and puts a new node under its kept neighbour', () => {
    const previous = new Map([['a', { x: 1000, y: 40 }]]);
    const layout = layeredLayout(graphOf(['a', 'b'], ['a->b']), { previous });
    expect(pos(layout.positions)).toEqual({ a: { x: 1000, y: 40 }, b: { x: 1000, y: 120 } });
  });

  it('moves a node whose previous position collides with one placed before it', () => {
    const previous = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 10, y: 0 }],
    ]);
    expect(pos(layeredLayout(graphOf(['a', 'b'], []), { previous }).positions)).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 160, y: 0 },
    });
  });

  it('lets pinned positions win over previous ones and slides the displaced node along its row', () => {
    const previous = new Map([['a', { x: 0, y: 0 }]]);
    const pinned = new Map([['b', { x: 0, y: 0 }]]);
    expect(pos(layeredLayout(graphOf(['a', 'b'], []), { previous, pinned }).positions)).toEqual({
      a: { x: 160, y: 0 },
      b: { x: 0, y: 0 },
    });
  });

  it('spreads new nodes drawn to the same kept neighbour right, left, right…', () => {
    const previous = new Map([['r', { x: 500, y: 0 }]]);
    const layout = layeredLayout(graphOf(['r', 'x', 'y', 'z'], ['r->x', 'r->y', 'r->z']), { previous });
    expect(pos(layout.positions)).toEqual({
      r: { x: 500, y: 0 },
      x: { x: 500, y: 120 },
      y: { x: 660, y: 120 },
      z: { x: 340, y: 120 },
    });
  });

  it('lays out nothing for an empty graph', () => {
    expect(layeredLayout(graphOf([], []))).toEqual({
      positions: new Map(),
      left: 0,
      top: 0,
      width: 0,
      height: 0,
      reversed: new Set(),
    });
  });

  describe('at 2,000 nodes and 3,000 edges', () => {
    const graph = randomGraph(2000, 3000, 42);
    const layout = layeredLayout(graph);
    const distinct = (positions: Map<string, Point>) =>
      new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size;

    it('places every node at its own point', () => {
      expect(layout.positions.size).toBe(2000);
      expect(distinct(layout.positions)).toBe(2000);
    });

    it('points every edge down except the cycle-breakers, which point up', () => {
      const wrong = graph.edges.filter((e) => {
        const s = layout.positions.get(e.source) as Point;
        const t = layout.positions.get(e.target) as Point;
        return e.source !== e.target && (layout.reversed.has(e.id) ? s.y <= t.y : s.y >= t.y);
      });
      expect(layout.reversed.size).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });

    it('keeps every known node in place when nodes are added and still overlaps none', () => {
      const grown = randomGraph(2100, 3150, 42);
      const next = layeredLayout(grown, { previous: layout.positions });
      const moved = [...layout.positions].filter(
        ([id, p]) => next.positions.get(id)?.x !== p.x || next.positions.get(id)?.y !== p.y
      );
      expect(moved).toEqual([]);
      expect(next.positions.size).toBe(2100);
      expect(distinct(next.positions)).toBe(2100);
    });
  });
});
