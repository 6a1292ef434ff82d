import { searchNodes } from './search-nodes';
import { node } from './test-graphs';

const graph = {
  nodes: [
    node('svc:cart', { title: 'cart' }),
    node('svc:checkout', { title: 'checkout' }),
    node('svc:payment', { title: 'Payment-Checkout' }),
    node('host:chk-1', { title: 'CHECKOUT' }),
    node('db:orders', { title: 'orders' }),
  ],
  edges: [],
};

describe('searchNodes', () => {
  it.each([
    ['checkout', ['host:chk-1', 'svc:checkout', 'svc:payment']],
    ['CHECK', ['host:chk-1', 'svc:checkout', 'svc:payment']],
    ['svc:', ['svc:cart', 'svc:checkout', 'svc:payment']],
    ['c', ['svc:cart', 'host:chk-1', 'svc:checkout', 'svc:payment']],
    ['  orders ', ['db:orders']],
    ['nothing', []],
    ['', []],
    ['   ', []],
  ])('%p finds %p', (text, expected) => {
    expect(searchNodes(graph, text)).toEqual(expected);
  });
});
