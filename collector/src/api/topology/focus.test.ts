import { createShopTwin } from '../test-support/shop-twin';
import { NOW } from '../test-support/test-app';
import { buildView } from './build-view';
import { keepAround } from './focus';

function around(focus: string, depth: number) {
  const { twin } = createShopTwin();
  const graph = keepAround(buildView(twin.topology(), 'all', { atMs: NOW, idleMs: 300_000 }), focus, depth);
  return graph && { nodes: graph.nodes.map((n) => n.id), edges: graph.edges.map((e) => e.id) };
}

describe('keepAround', () => {
  it.each([
    [0, ['database:postgresql/orders'], []],
    [1, ['service:shop/checkout', 'database:postgresql/orders'], ['database:service:shop/checkout->database:postgresql/orders']],
    [
      2,
      ['host:web-3', 'host:web-4', 'service:shop/frontend', 'service:shop/checkout', 'database:postgresql/orders', 'flow:shop/frontend/POST /checkout'],
      [
        'runs_on:service:shop/frontend->host:web-3',
        'runs_on:service:shop/checkout->host:web-3',
        'runs_on:service:shop/checkout->host:web-4',
        'calls:service:shop/frontend->service:shop/checkout',
        'database:service:shop/checkout->database:postgresql/orders',
        'part_of:service:shop/frontend->flow:shop/frontend/POST /checkout',
        'part_of:service:shop/checkout->flow:shop/frontend/POST /checkout',
      ],
    ],
  ])('keeps what lies within %i hops of the database, walking edges both ways', (depth, nodes, edges) => {
    expect(around('database:postgresql/orders', depth)).toEqual({ nodes, edges });
  });

  it('reaches up the containment from a power supply', () => {
    expect(around('hw:web-3/psu0', 2)?.nodes).toEqual([
      'rack:ams1/r12',
      'host:web-3',
      'hw:web-3/psu0',
      'service:shop/frontend',
      'service:shop/checkout',
    ]);
  });

  it('answers undefined when the view does not show the focus', () => {
    expect(around('instance:shop/checkout/c1', 2)).toBeUndefined();
  });
});
