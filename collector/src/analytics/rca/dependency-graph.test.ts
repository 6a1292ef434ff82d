import { createDependencyGraph } from './dependency-graph';

describe('createDependencyGraph', () => {
  const graph = createDependencyGraph([
    { from: 'web', to: 'api' },
    { from: 'web', to: 'cache' },
    { from: 'api', to: 'db' },
    { from: 'cache', to: 'db' },
    { from: 'api', to: 'db' },
    { from: 'batch', to: 'db' },
  ]);

  it('lists nodes in first-seen order, dependencies and dependents without duplicates', () => {
    expect(graph.nodes).toEqual(['web', 'api', 'cache', 'db', 'batch']);
    expect(graph.dependencies('web')).toEqual(['api', 'cache']);
    expect(graph.dependents('db')).toEqual(['api', 'cache', 'batch']);
    expect(graph.dependencies('nowhere')).toEqual([]);
  });

  it('finds the cheapest path to every reachable node, first edge winning ties', () => {
    const paths = graph.pathsFrom('web', () => 1);
    expect([...paths]).toEqual([
      ['web', ['web']],
      ['api', ['web', 'api']],
      ['cache', ['web', 'cache']],
      ['db', ['web', 'api', 'db']],
    ]);
  });

  it('prefers paths through cheap nodes', () => {
    expect(graph.pathsFrom('web', (n) => (n === 'api' ? 5 : 1)).get('db')).toEqual(['web', 'cache', 'db']);
  });

  it('terminates on cycles', () => {
    const cyclic = createDependencyGraph([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'a' },
    ]);
    expect([...cyclic.pathsFrom('a', () => 1).keys()]).toEqual(['a', 'b']);
  });
});
