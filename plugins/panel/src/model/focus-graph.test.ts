import { focusGraph } from './focus-graph';
import { graphOf } from './test-graphs';

// a -> b -> c -> d, and e -> c
const graph = graphOf(['a', 'b', 'c', 'd', 'e', 'f'], ['a->b', 'b->c', 'c->d', 'e->c']);
const ids = (depth: number, focus = 'b') => {
  const g = focusGraph(graph, focus, depth);
  return { nodes: g.nodes.map((n) => n.id), edges: g.edges.map((e) => e.id) };
};

describe('focusGraph', () => {
  it.each([
    [0, { nodes: ['b'], edges: [] }],
    [1, { nodes: ['a', 'b', 'c'], edges: ['a->b', 'b->c'] }],
    [2, { nodes: ['a', 'b', 'c', 'd', 'e'], edges: ['a->b', 'b->c', 'c->d', 'e->c'] }],
    [9, { nodes: ['a', 'b', 'c', 'd', 'e'], edges: ['a->b', 'b->c', 'c->d', 'e->c'] }],
  ])('at depth %p keeps %p', (depth, expected) => {
    expect(ids(depth)).toEqual(expected);
  });

  it('keeps an isolated focus alone', () => {
    expect(ids(3, 'f')).toEqual({ nodes: ['f'], edges: [] });
  });

  it('is empty for an unknown focus', () => {
    expect(focusGraph(graph, 'zz', 2)).toEqual({ nodes: [], edges: [] });
  });
});
