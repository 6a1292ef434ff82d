import { callersFirst } from './graph-order';

describe('callersFirst', () => {
  it('puts every caller before its callees', () => {
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'd' },
      { from: 'a', to: 'c' },
      { from: 'c', to: 'd' },
    ];
    expect(callersFirst(['d', 'c', 'b', 'a'], edges)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('appends the nodes of a cycle in the given order, ignoring self-calls and unknown nodes', () => {
    const edges = [
      { from: 'x', to: 'y' },
      { from: 'y', to: 'z' },
      { from: 'z', to: 'y' },
      { from: 'x', to: 'x' },
      { from: 'x', to: 'ghost' },
    ];
    expect(callersFirst(['x', 'y', 'z'], edges)).toEqual(['x', 'y', 'z']);
  });
});
