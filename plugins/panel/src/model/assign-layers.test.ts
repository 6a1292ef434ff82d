import { assignLayers } from './assign-layers';
import { graphOf } from './test-graphs';

const layersOf = (ids: string[], edges: string[]) => {
  const l = assignLayers(graphOf(ids, edges));
  return Object.fromEntries(l.ids.map((id, i) => [id, l.layerOf[i]]));
};

describe('assignLayers', () => {
  it('puts each node one layer below its lowest predecessor (longest path)', () => {
    expect(layersOf(['a', 'b', 'c', 'd'], ['a->b', 'b->c', 'a->c', 'd->c'])).toEqual({ a: 0, b: 1, c: 2, d: 0 });
  });

  it('breaks a cycle by turning round the edge that closes it in id order', () => {
    const l = assignLayers(graphOf(['c', 'b', 'a'], ['a->b', 'b->c', 'c->a']));
    expect([...l.layerOf]).toEqual([0, 1, 2]);
    expect([...l.reversed]).toEqual(['c->a']);
    expect(l.layerCount).toBe(3);
  });

  it('ignores self-loops, duplicate edges and edges with an unknown end', () => {
    const l = assignLayers(graphOf(['a', 'b'], ['a->a', 'a->b', 'a->b', 'b->x', 'y->a']));
    expect([...l.layerOf]).toEqual([0, 1]);
    expect(l.down).toEqual([[1], []]);
    expect(l.up).toEqual([[], [0]]);
    expect(l.reversed.size).toBe(0);
  });

  it('has no layers for an empty graph', () => {
    expect(assignLayers(graphOf([], [])).layerCount).toBe(0);
  });
});
